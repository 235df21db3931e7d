import { findEmails } from '../../../nlu/entities';

describe('findEmails', () => {
  it.each([
    ['write to ana@example.com please', 'ana@example.com'],
    ['mail: john.doe+tag@sub.mail.co.uk, thanks', 'john.doe+tag@sub.mail.co.uk'],
    ['correo josé.garcía@correo.es', 'josé.garcía@correo.es'],
    ['почта почта@пример.рф', 'почта@пример.рф'],
    ['我的邮箱是li@example.com谢谢', 'li@example.com'],
    ['メールはtaro.yamada@gmail.comです', 'taro.yamada@gmail.com'],
    ['อีเมล somchai@mail.co.th ครับ', 'somchai@mail.co.th'],
    ['بريدي ahmed@mail.sa', 'ahmed@mail.sa'],
  ])('finds the address in %j', (text, address) => {
    const [entity] = findEmails(text);
    expect(entity?.text).toBe(address);
    expect(entity && text.slice(entity.start, entity.end)).toBe(address);
  });

  it('lower-cases the domain only', () => {
    expect(findEmails('Ana.Lopez@Example.COM')[0]?.value.address).toBe('Ana.Lopez@example.com');
  });

  it('leaves out trailing punctuation', () => {
    expect(findEmails('is it ana@example.com?')[0]?.text).toBe('ana@example.com');
    expect(findEmails('ana@example.com.')[0]?.text).toBe('ana@example.com');
  });

  it.each(['a@b', 'x @y.com', 'no at sign here', '@handle on twitter', 'user@localhost'])('finds nothing in %j', (text) => {
    expect(findEmails(text)).toEqual([]);
  });
});
