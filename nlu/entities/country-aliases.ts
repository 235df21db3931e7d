/**
 * What i18n-iso-countries does not say: the short forms shoppers write ("USA", "EE.UU.", "UAE", "美国" is there,
 * "アメリカ" is not), and the names that are also common words and so need care.
 */

/** Extra names per ISO alpha-2 code, in any language; always active. Upper-case entries of 2-3 letters match only in upper case. */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  US: ['USA', 'US', 'U.S.', 'U.S.A.', 'America', 'United States', 'EE.UU.', 'EE. UU.', 'EEUU', 'EUA', 'Ameryka',
    'Amerika', 'Америка', 'Штаты', 'アメリカ', '米国', '美國', 'อเมริกา', 'أمريكا', 'امريكا', 'nước Mỹ', 'bên Mỹ'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'England', 'Inglaterra', 'Angleterre', 'Inghilterra', 'Anglia',
    'Англия', 'İngiltere', 'Inggris', '英國', 'อังกฤษ', 'بريطانيا', 'إنجلترا', 'انجلترا', 'nước Anh', 'bên Anh'],
  AE: ['UAE', 'Emirates', 'Emiratos Árabes', 'Emirados Árabes', 'Émirats arabes unis', 'Emirati Arabi', 'BAE',
    'Emiraty', 'الإمارات', 'الامارات', 'Эмираты', 'ドバイ'],
  SA: ['KSA', 'Saudi', 'Arabia Saudí', 'السعودية', 'Саудовская Аравия', 'サウジ', '沙特'],
  KR: ['Korea', 'South Korea', 'Корея', 'Южная Корея', 'Kore', '한국', '남한', '韓国', '南韩', '南韓', 'เกาหลี',
    'كوريا', 'Hàn Quốc'],
  CN: ['PRC', 'Mainland China', 'Китай', 'Chine', '中國', '中国大陆', '中国大陸', '中国', 'จีน', 'الصين', 'Trung Quốc'],
  RU: ['РФ', 'Россия', 'Russland', 'Rusia', 'Russie', 'Rússia', 'Rosja', 'nước Nga', 'روسيا', 'ロシア', '러시아'],
  TW: ['Taiwan', '台湾', '台灣', 'Тайвань', 'تايوان'],
  HK: ['Hong Kong', 'Hongkong', '香港', '홍콩'],
  MO: ['Macau', 'Macao', '澳门', '澳門'],
  JP: ['Nhật', 'Nhật Bản', 'nước Nhật'],
  DE: ['Deutschland', 'nước Đức', 'bên Đức'],
  FR: ['nước Pháp', 'bên Pháp'],
  IT: ['nước Ý', 'bên Ý'],
  AU: ['nước Úc', 'bên Úc', 'Aussie'],
  BE: ['nước Bỉ'],
  NL: ['Holland', 'Holanda', 'Hollande', 'Olanda', 'Голландия'],
  CZ: ['Czech Republic', 'Czechia', 'Чехия'],
  TR: ['Turkey', 'Türkiye', 'Turkiye', 'Турция', 'トルコ'],
  ID: ['印度尼西亚', 'インドネシア'],
  VN: ['Vietnam', 'Viet Nam', 'Việt Nam'],
  TH: ['Thailand', 'Tailandia', 'ประเทศไทย'],
  MX: ['México', 'Mexique'],
  BR: ['Brasil'],
};

/**
 * Names (folded: lower case, no accents) that are also everyday words in some language and therefore count only
 * when written with a capital ("Turkey" the country, "turkey" the bird; "Mali", Turkish "mali" = financial;
 * Russian "Того" = Togo, "того" = "of that"; Spanish "gana" = "wins").
 */
export const CAPITALIZED_ONLY: ReadonlySet<string> = new Set([
  'chad', 'mali', 'gana', 'fas', 'czad', 'turkey', 'china', 'jordan', 'georgia', 'guinea', 'gine', 'bermuda',
  'reunion', 'panama', 'chile', 'niger', 'togo', 'oman', 'peru', 'того', 'чад', 'мали', 'чили', 'misir', 'inde',
]);

/**
 * Names never matched on their own because in shop talk they almost always mean something else: "jersey",
 * Spanish "Granada" (the city, not Grenada), Korean 가나 ("가나요"), 수단 (means), 오만 (arrogance), 말리 (dry),
 * 인도 (hand-over/delivery), 건지 ("된 건지"), 저지, 피지 (sebum), 가봉 (basting), Thai มาลี (jasmine), Arabic عمان
 * (also Amman), مالي (financial), بنين (boys), بليز (Arabizi "please"), Chinese 中非 (China-Africa).
 * Vietnamese one-syllable names (Mỹ, Anh, Pháp, Nga, Ý, Úc...) are also common words; they count only as
 * "nước Mỹ"/"bên Mỹ" (see the aliases), which the index adds for them.
 */
export const NEVER_BY_NAME: ReadonlySet<string> = new Set([
  'jersey', 'guernsey', 'granada', '가나', '수단', '오만', '말리', '인도', '건지', '저지', '피지', '가봉', 'มาลี',
  'عمان', 'مالي', 'بنين', 'بليز', '中非',
]);

/** Two-letter forms accepted (upper case only, and not in shouted all-caps messages). */
export const TWO_LETTER_FORMS: ReadonlySet<string> = new Set(['US', 'UK', 'РФ']);
