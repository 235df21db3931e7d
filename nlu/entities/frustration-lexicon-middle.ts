/**
 * Frustration lexicons for ru, pl, tr, ar, written folded (no diacritics, ı -> i, ł -> l, أ -> ا) since text is
 * folded the same way before matching. Folding can create words: Polish "sąd" (court) folds to English "sad",
 * so only "do sądu" is listed. See `FrustrationLexicon` for the entry syntax.
 */
import type { FrustrationLexicon } from './frustration-lexicon';

/** Lexicons of ru, pl, tr, ar. */
export const MIDDLE_LEXICONS: Readonly<Record<string, FrustrationLexicon>> = {
  ru: {
    threat: ['юрист*', 'адвокат*', 'в суд', 'подам в суд', 'полици*', 'прокуратур*', 'роспотребнадзор',
      'защит* прав потребителей', 'чарджбэк', 'опротестовать платеж', 'претензию'],
    insult: ['бесполезный бот', 'тупой бот', 'идиот*', 'тупые', 'тупой', 'дебил*', 'некомпетентн*', 'мошенник*',
      'обманщик*', 'лжецы', 'клоуны'],
    profanity: ['блять', 'бля', 'блядь', 'хуй*', 'хуе*', 'пизд*', 'сука', 'ебан*', 'ебат*', 'охуе*', 'нахуй', 'нахер',
      'херня'],
    anger: ['издеваетесь', 'вы издеваетесь', 'издевательство', 'это смешно', 'абсурд', 'безобразие', 'возмутительно',
      'позор', 'отвратительн*', 'ужасн*', 'худший', 'худшее', 'обман', 'лохотрон', 'мошенничество', 'кидалово',
      'надоело', 'достали', 'бесит', 'бешенстве', 'злюсь', 'больше никогда', 'никогда больше'],
    annoyance: ['разочарован*', 'до сих пор', 'опять', 'снова', 'сколько можно', 'сколько раз', 'в третий раз',
      'никто не отвечает', 'нет ответа', 'без ответа', 'черт', 'бесполезн*'],
  },
  pl: {
    threat: ['prawnik*', 'adwokat*', 'do sadu', 'w sadzie', 'pozew', 'pozwe', 'policj*', 'uokik',
      'rzecznik* konsumentow', 'chargeback', 'obciazenie zwrotne'],
    insult: ['bezuzyteczny bot', 'idioci', 'idiota', 'glupi*', 'debil*', 'niekompetentn*', 'zlodzieje', 'oszusci',
      'klamcy', 'klauni'],
    profanity: ['kurwa', 'kurwy', 'chuj*', 'pierdol*', 'jebac', 'jebany', 'spierdal*', 'gowno'],
    anger: ['to smieszne', 'zenada', 'zenujace', 'skandal*', 'nie do przyjecia', 'niedopuszczalne', 'najgorszy',
      'najgorsza', 'najgorsze', 'oszustwo', 'oszust', 'naciaganie', 'mam dosc', 'mam dosyc', 'wkurzon*', 'wkurza',
      'wsciekl*', 'nigdy wiecej', 'kpina', 'porazka'],
    annoyance: ['rozczarowan*', 'zawiedzion*', 'nadal nie', 'wciaz nie', 'znowu', 'ile razy', 'trzeci raz',
      'nikt nie odpowiada', 'brak odpowiedzi', 'cholera', 'bezuzyteczn*'],
  },
  tr: {
    threat: ['avukat*', 'dava', 'dava acacagim', 'mahkeme*', 'polis', 'savcilik', 'tuketici hakem heyeti',
      'tuketici haklari', 'tuketici mahkemesi', 'sikayetvar', 'sikayet edecegim', 'ters ibraz'],
    insult: ['ise yaramaz bot', 'aptal*', 'salak*', 'gerizekali', 'beceriksiz*', 'yalanci*', 'hirsiz*',
      'dolandirici*', 'soytari'],
    profanity: ['siktir*', 'amk', 'aq', 'orospu*', 'anani', 'yarrak'],
    anger: ['sacma', 'bu ne sacmalik', 'sacmalik', 'rezalet', 'rezil', 'kabul edilemez', 'en kotu', 'berbat',
      'dolandiricilik', 'sahtekar*', 'kazik', 'biktim', 'yeter artik', 'sinir oldum', 'sinirliyim',
      'bir daha asla', 'asla bir daha', 'utanin'],
    annoyance: ['hayal kirikligi', 'hala gelmedi', 'hala', 'yine', 'kac kere', 'kac kez', 'ucuncu kez',
      'kimse cevap vermiyor', 'cevap yok', 'yanit yok', 'yeter', 'ise yaramaz'],
  },
  ar: {
    threat: ['محامي', 'المحامي', 'الشرطه', 'الشرطة', 'شرطة', 'بلاغ', 'المحكمة', 'محكمة', 'دعوى', 'حماية المستهلك',
      'جمعية حماية المستهلك', 'وزارة التجارة', 'ساشتكي', 'شكوى رسمية'],
    insult: ['بوت غبي', 'غبي', 'اغبياء', 'حرامية', 'لصوص', 'كذابين', 'كذاب', 'نصابين', 'فاشلين', 'عديم الفائدة',
      'بلا فائدة'],
    profanity: ['تبا', 'اللعنة', 'لعنة', 'يلعن', 'زفت', 'خرا', 'حقير'],
    anger: ['سخيف', 'سخافة', 'مهزلة', 'غير مقبول', 'اسوا خدمة', 'اسوا', 'نصب', 'نصاب', 'احتيال', 'سرقة',
      'حرام عليكم', 'زهقت', 'طفح الكيل', 'غاضب', 'لن اشتري'],
    annoyance: ['خيبة امل', 'محبط', 'للاسف', 'لحد الان', 'حتى الان', 'مرة اخرى', 'كم مرة', 'للمرة الثالثة',
      'لا احد يرد', 'ما في رد', 'بدون رد', 'مستحيل'],
  },
};
