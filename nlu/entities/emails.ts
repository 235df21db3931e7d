/**
 * E-mail addresses, including Unicode local parts and domains (`josé.garcía@correo.es`, `почта@пример.рф`).
 * Han, kana, Hangul and Thai letters are not taken into an address, because those scripts glue addresses to the
 * surrounding words ("我的邮箱是li@example.com谢谢").
 */
import type { EntityOf } from './entity';

// Letters of spaced alphabets (Latin, Cyrillic, Greek, Arabic, ...) but not of the unspaced CJK/Thai scripts.
const UNSPACED = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]`;
const LETTER = String.raw`(?:(?!${UNSPACED})[\p{L}\p{M}\p{N}])`;
const LOCAL_CHAR = String.raw`(?:${LETTER}|[!#$%&'*+/=?^_\x60{|}~-])`;
const LOCAL = String.raw`${LOCAL_CHAR}+(?:\.${LOCAL_CHAR}+)*`;
const LABEL = String.raw`${LETTER}(?:(?:${LETTER}|-)*${LETTER})?`;
const TLD = String.raw`(?:(?!${UNSPACED})\p{L}){2,24}`;

const EMAIL = new RegExp(String.raw`(?<!${LETTER}|[.@_%+-])${LOCAL}@(?:${LABEL}\.)+${TLD}(?!${LETTER}|[@-]|\.${LETTER})`, 'gu');

/**
 * Finds e-mail addresses; the value has the domain in lower case.
 * @example findEmails('write to Ana@Example.COM')[0].value // { address: 'Ana@example.com' }
 */
export function findEmails(text: string): Array<EntityOf<'email'>> {
  if (!text.includes('@')) return [];
  const found: Array<EntityOf<'email'>> = [];
  for (const match of text.matchAll(EMAIL)) {
    const raw = match[0];
    const at = raw.lastIndexOf('@');
    const address = `${raw.slice(0, at)}@${raw.slice(at + 1).toLowerCase()}`;
    found.push({ type: 'email', text: raw, start: match.index, end: match.index + raw.length, value: { address } });
  }
  return found;
}
