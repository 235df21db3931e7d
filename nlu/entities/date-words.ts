/**
 * "Today", "yesterday", "tomorrow" and neighbours in the languages chrono-node has no parser for (ko, tr, th, pl)
 * and a few where its casual parser misses common forms (vi, id, ar). Value: days from the reference date.
 */
export const RELATIVE_DAY_WORDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  ko: { 오늘: 0, 어제: -1, 어저께: -1, 그저께: -2, 그제: -2, 내일: 1, 모레: 2 },
  tr: { bugün: 0, dün: -1, yarın: 1, 'öbür gün': 2, 'evvelsi gün': -2, bugun: 0, yarin: 1 },
  vi: { 'hôm nay': 0, 'hôm qua': -1, 'hôm kia': -2, 'ngày mai': 1, 'ngày kia': 2, 'hom nay': 0, 'hom qua': -1 },
  id: { 'hari ini': 0, kemarin: -1, 'kemarin lusa': -2, besok: 1, lusa: 2 },
  th: { วันนี้: 0, เมื่อวานนี้: -1, เมื่อวานซืน: -2, เมื่อวาน: -1, พรุ่งนี้: 1, มะรืนนี้: 2, มะรืน: 2 },
  pl: { dzisiaj: 0, dziś: 0, dzis: 0, wczoraj: -1, przedwczoraj: -2, jutro: 1, pojutrze: 2 },
  ar: {
    اليوم: 0, أمس: -1, امس: -1, الأمس: -1, البارحة: -1, 'أول أمس': -2, 'أول امس': -2, غدا: 1, غداً: 1, بكرة: 1,
    بكره: 1, 'بعد غد': 2, 'بعد بكرة': 2,
  },
};

/** Words for "now" that chrono turns into today's date; "now" is not a date the shopper means. */
export const NOW_WORDS: ReadonlySet<string> = new Set([
  'now', 'right now', 'ahora', 'maintenant', 'jetzt', 'agora', 'adesso', 'ora', 'сейчас', 'теперь', '现在', '今',
  'いま', 'bây giờ', 'sekarang', 'الآن', 'الان', 'teraz', 'şimdi', 'nu',
]);
