/**
 * Currency symbols, ISO codes and local words in the 16 shopper languages, with the ISO 4217 code each stands for.
 * `YEN_SIGN` marks `¥`, which is yen for Japanese shoppers and yuan for everyone else.
 */

/** Placeholder currency of `¥`/`￥`, resolved by language. */
export const YEN_SIGN = '¥';

/** Symbols and marks: no word boundary needed, may stand before or after the amount ("$25", "25$", "3000円"). */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD', US$: 'USD', USD$: 'USD', CA$: 'CAD', C$: 'CAD', A$: 'AUD', AU$: 'AUD', NZ$: 'NZD', HK$: 'HKD',
  NT$: 'TWD', S$: 'SGD', MX$: 'MXN', R$: 'BRL', '€': 'EUR', '£': 'GBP', '¥': YEN_SIGN, '￥': YEN_SIGN,
  '₩': 'KRW', '₽': 'RUB', '₺': 'TRY', '₫': 'VND', '฿': 'THB', '₹': 'INR', '₱': 'PHP', '₪': 'ILS', '₴': 'UAH',
  '﷼': 'SAR', 'د.إ': 'AED', 'ر.س': 'SAR',
  // Unspaced scripts: written right after the number ("3000元", "3만원", "500บาท").
  円: 'JPY', 元: 'CNY', 块: 'CNY', 块钱: 'CNY', 人民币: 'CNY', 人民元: 'CNY', 美元: 'USD', 美金: 'USD', 欧元: 'EUR',
  日元: 'JPY', 韩元: 'KRW', 英镑: 'GBP', 港币: 'HKD', 港元: 'HKD', 新台币: 'TWD', 台币: 'TWD', 泰铢: 'THB',
  ドル: 'USD', ユーロ: 'EUR', ウォン: 'KRW', バーツ: 'THB', ポンド: 'GBP',
  원: 'KRW', 달러: 'USD', 유로: 'EUR', 엔: 'JPY', 위안: 'CNY', 바트: 'THB',
  บาท: 'THB', ดอลลาร์: 'USD', ยูโร: 'EUR', เยน: 'JPY', หยวน: 'CNY',
};

/**
 * Alphabetic words (Latin, Cyrillic, Arabic), matched case-insensitively on word boundaries, usually after the
 * amount ("25 euros", "500 руб", "100 ريال"). `pesos` means MXN, the largest peso market; ambiguous bare words
 * ("real", "pounds", which is also a weight, "won", also a verb) are left out.
 */
export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD', dollars: 'USD', bucks: 'USD', euro: 'EUR', euros: 'EUR', yen: 'JPY', yuan: 'CNY', rmb: 'CNY',
  'pound sterling': 'GBP', 'pounds sterling': 'GBP', 'british pounds': 'GBP',
  dólar: 'USD', dólares: 'USD', dolares: 'USD', pesos: 'MXN', 'pesos mexicanos': 'MXN', reais: 'BRL',
  franken: 'CHF', 'francs suisses': 'CHF',
  руб: 'RUB', 'руб.': 'RUB', рубль: 'RUB', рубля: 'RUB', рублей: 'RUB', доллар: 'USD', доллара: 'USD',
  долларов: 'USD', евро: 'EUR', юаней: 'CNY', гривен: 'UAH', гривны: 'UAH', тенге: 'KZT',
  zł: 'PLN', 'zł.': 'PLN', zl: 'PLN', złotych: 'PLN', złote: 'PLN', złoty: 'PLN', zlotych: 'PLN',
  tl: 'TRY', lira: 'TRY', 'türk lirası': 'TRY', dolar: 'USD', avro: 'EUR',
  đ: 'VND', đồng: 'VND', vnđ: 'VND', rupiah: 'IDR',
  ريال: 'SAR', 'ريال سعودي': 'SAR', 'ريال قطري': 'QAR', 'ريال عماني': 'OMR', درهم: 'AED', 'درهم إماراتي': 'AED',
  'درهم مغربي': 'MAD', دولار: 'USD', يورو: 'EUR', جنيه: 'EGP', 'جنيه مصري': 'EGP', 'دينار كويتي': 'KWD',
  'دينار بحريني': 'BHD', 'دينار أردني': 'JOD',
};

/** Words written before the amount ("Rp 150.000", "RM 50"); matched case-sensitively. */
export const PREFIX_WORDS: Readonly<Record<string, string>> = {
  Rp: 'IDR', 'Rp.': 'IDR', RM: 'MYR', 'S/': 'PEN', 'S/.': 'PEN', TL: 'TRY',
};

/** ISO 4217 codes recognised in upper case ("1.299,00 EUR", "USD 25"). */
export const CURRENCY_CODES: readonly string[] = [
  'USD', 'EUR', 'GBP', 'JPY', 'CNY', 'RMB', 'KRW', 'RUB', 'TRY', 'VND', 'IDR', 'THB', 'PLN', 'BRL', 'MXN', 'ARS',
  'CLP', 'COP', 'PEN', 'SAR', 'AED', 'QAR', 'KWD', 'BHD', 'OMR', 'JOD', 'EGP', 'MAD', 'INR', 'AUD', 'CAD', 'CHF',
  'SEK', 'NOK', 'DKK', 'HKD', 'TWD', 'SGD', 'MYR', 'PHP', 'NZD', 'ZAR', 'ILS', 'CZK', 'HUF', 'UAH', 'KZT', 'RON',
];

/** Codes also recognised in lower case; `try`, `pen`, `cop`, `php` are English words too, so not these. */
export const LOWER_CASE_CODES: readonly string[] = [
  'usd', 'eur', 'gbp', 'jpy', 'cny', 'krw', 'rub', 'vnd', 'idr', 'thb', 'pln', 'brl', 'mxn', 'sar', 'aed', 'inr',
  'aud', 'cad', 'chf', 'hkd', 'sgd', 'myr', 'egp', 'kwd', 'qar',
];

/** Currencies with three minor digits, where `1.250 KWD` is one and a quarter. */
export const THREE_DECIMAL_CURRENCIES: ReadonlySet<string> = new Set(['KWD', 'BHD', 'OMR', 'JOD']);

/**
 * Number words between amount and currency ("3万円", "50k đ", "Rp 150 ribu", "5 mil pesos") with their factor.
 * Alphabetic ones need a word boundary after them.
 */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  万: 1e4, 萬: 1e4, 千: 1e3, 亿: 1e8, 億: 1e8, 만: 1e4, 천: 1e3, 억: 1e8, พัน: 1e3, หมื่น: 1e4, แสน: 1e5, ล้าน: 1e6,
  k: 1e3, K: 1e3, mil: 1e3, million: 1e6, millones: 1e6, milhões: 1e6, mln: 1e6, тыс: 1e3, 'тыс.': 1e3, тысяч: 1e3,
  млн: 1e6, tys: 1e3, 'tys.': 1e3, tysięcy: 1e3, bin: 1e3, milyon: 1e6, nghìn: 1e3, ngàn: 1e3, triệu: 1e6,
  ribu: 1e3, rb: 1e3, juta: 1e6, jt: 1e6, ألف: 1e3, مليون: 1e6,
};
