/**
 * Country names and codes made comparable: billing and shipping countries arrive as ISO codes or names, IP tables
 * name countries their own way ("Korea Republic of", "Viet Nam", "Croatia (LOCAL Name: Hrvatska)").
 */
import countries from 'i18n-iso-countries';

const cache = new Map<string, string>();

/** Older or IP-registry spellings that the ISO name list does not know (lower-cased). */
const ALIASES: Readonly<Record<string, string>> = {
  'bonaire; sint eustatius; saba': 'BQ',
  'bosnia and herzegowina': 'BA',
  curacao: 'CW',
  "korea democratic people's republic of": 'KP',
  'libyan arab jamahiriya': 'LY',
  macau: 'MO',
  macedonia: 'MK',
  'micronesia federated states of': 'FM',
  'moldova republic of': 'MD',
  'palestinian territory occupied': 'PS',
  'saint martin': 'MF',
  'sint maarten': 'SX',
  'st. pierre and miquelon': 'PM',
  swaziland: 'SZ',
  'virgin islands (british)': 'VG',
  'virgin islands (u.s.)': 'VI',
  'wallis and futuna islands': 'WF',
};

/** Name variants worth trying when the name as given is not known. */
function variants(name: string): string[] {
  const out = [name];
  const noParenthesis = name.replace(/\s*\(.*?\)\s*/g, ' ').trim();
  out.push(noParenthesis, name.split(';')[0]!.trim());
  // "Korea Republic of" -> "Republic of Korea", "Moldova Republic of" -> "Moldova".
  const trailingOf = /^(.*?)\s+((?:the\s+)?(?:democratic\s+)?(?:people's\s+)?(?:republic|federated states|united republic)\s+of(?:\s+the)?)$/i.exec(noParenthesis);
  if (trailingOf) out.push(`${trailingOf[2]} ${trailingOf[1]}`, trailingOf[1]!);
  out.push(noParenthesis.replace(/\s+(?:the\s+)?democratic republic of the$/i, '').replace(/^viet nam$/i, 'Vietnam'));
  return out;
}

/**
 * An ISO 3166-1 alpha-2 code for a code (alpha-2 or alpha-3) or an English name, or the lower-cased name when it
 * matches none (two unknown spellings of one country then compare as different: a mismatch feature may fire
 * wrongly, never silently match two different countries).
 */
export function normaliseCountry(value: string): string {
  const key = value.trim();
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  let result: string | undefined = ALIASES[key.toLowerCase()];
  if (!result && /^[A-Za-z]{2}$/.test(key) && countries.isValid(key.toUpperCase())) result = key.toUpperCase();
  if (!result && /^[A-Za-z]{3}$/.test(key) && countries.isValid(key.toUpperCase())) result = countries.alpha3ToAlpha2(key.toUpperCase());
  if (!result) {
    for (const name of variants(key)) {
      result = countries.getAlpha2Code(name, 'en');
      if (result) break;
    }
  }
  const normalised = result ?? key.toLowerCase();
  cache.set(key, normalised);
  return normalised;
}
