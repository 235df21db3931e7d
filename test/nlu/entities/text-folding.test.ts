import { foldWidthAndDigits } from '../../../nlu/entities';
import { foldForLookup } from '../../../nlu/entities/text-folding';

describe('foldWidthAndDigits', () => {
  it('maps full-width ASCII and Arabic-Indic digits to ASCII, keeping the length', () => {
    for (const [text, folded] of [
      ['订单１２３４５', '订单12345'],
      ['ＡＢ１２：３', 'AB12:3'],
      ['رقم ٤٤٧١ و۱۲', 'رقم 4471 و12'],
      ['１\u3000２', '1 2'],
      ['plain text', 'plain text'],
    ]) {
      expect(foldWidthAndDigits(text as string)).toBe(folded);
      expect(foldWidthAndDigits(text as string)).toHaveLength((text as string).length);
    }
  });
});

describe('foldForLookup', () => {
  it('lower-cases and drops accents, Arabic marks and hamza variants', () => {
    expect(foldForLookup('México')).toBe('mexico');
    expect(foldForLookup('İADE Şikayet')).toBe('iade sikayet');
    expect(foldForLookup('Głupi')).toBe('glupi');
    expect(foldForLookup('أسوأ')).toBe('اسوا');
  });

  it('leaves Hangul, kana and Thai composed', () => {
    expect(foldForLookup('한국 がっかり ผิดหวัง')).toBe('한국 がっかり ผิดหวัง');
  });
});
