/**
 * Localised chrome text of the widget (everything the widget itself says; message content comes translated from the
 * server). Kept in one file so translators see every string of a language side by side.
 *
 * Pure module: no DOM access, so it is unit-tested under Node.
 */

/** Every text the widget chrome shows. Templates use `{name}` placeholders, filled by {@link formatText}. */
export interface WidgetStrings {
  /** Window title. */
  title: string;
  /** Line under the title. */
  subtitle: string;
  /** Accessible name of the launcher button. */
  openChat: string;
  /** Accessible name of the close button. */
  closeChat: string;
  /** Label of the message textarea (visually hidden). */
  inputLabel: string;
  placeholder: string;
  send: string;
  connecting: string;
  reconnecting: string;
  /** Shown when the workspace is unknown or chat is switched off. */
  unavailable: string;
  /** `{name}` is the bot or agent name. */
  typing: string;
  /** Name used in the typing indicator for the bot. */
  botName: string;
  /** Name used for an agent whose display name is unknown. */
  agentName: string;
  /** Status under an optimistic shopper bubble. */
  sending: string;
  /** `{limit}` is the maximum message length in characters. */
  errorTooLong: string;
  errorGeneric: string;
  /** Counter near the length limit; `{count}` characters left. */
  charactersLeft: string;
  loadEarlier: string;
  /** Greeting shown while the conversation is empty. */
  welcome: string;
  /** Accessible name of the message log. */
  messagesLabel: string;
  /** Accessible name of a row of product cards. */
  productsLabel: string;
  /** Text of a product card's link. */
  viewProduct: string;
}

/** Languages the chrome is translated into (BCP-47 primary subtags). */
export const SUPPORTED_LOCALES = [
  'en', 'es', 'zh', 'fr', 'de', 'pt', 'it', 'ja', 'ko', 'ru', 'ar', 'tr', 'vi', 'id', 'th', 'pl',
] as const;

/** One of {@link SUPPORTED_LOCALES}. */
export type WidgetLocale = (typeof SUPPORTED_LOCALES)[number];

/** Used when nothing better matches. */
export const DEFAULT_LOCALE: WidgetLocale = 'en';

const STRINGS: Record<WidgetLocale, WidgetStrings> = {
  en: {
    title: 'Chat with us',
    subtitle: 'Online assistant',
    openChat: 'Open chat',
    closeChat: 'Close chat',
    inputLabel: 'Your message',
    placeholder: 'Type your message…',
    send: 'Send',
    connecting: 'Connecting…',
    reconnecting: 'Reconnecting…',
    unavailable: 'Chat is unavailable right now.',
    typing: '{name} is typing…',
    botName: 'Assistant',
    agentName: 'Agent',
    sending: 'Sending…',
    errorTooLong: 'Not sent: messages can be at most {limit} characters long.',
    errorGeneric: 'Not sent. Something went wrong.',
    charactersLeft: '{count} characters left',
    loadEarlier: 'Show earlier messages',
    welcome: 'Hi! How can we help you today?',
    messagesLabel: 'Conversation',
    productsLabel: 'Products',
    viewProduct: 'View product',
  },
  es: {
    title: 'Chatea con nosotros',
    subtitle: 'Asistente en línea',
    openChat: 'Abrir chat',
    closeChat: 'Cerrar chat',
    inputLabel: 'Tu mensaje',
    placeholder: 'Escribe tu mensaje…',
    send: 'Enviar',
    connecting: 'Conectando…',
    reconnecting: 'Reconectando…',
    unavailable: 'El chat no está disponible en este momento.',
    typing: '{name} está escribiendo…',
    botName: 'Asistente',
    agentName: 'Agente',
    sending: 'Enviando…',
    errorTooLong: 'No enviado: los mensajes pueden tener como máximo {limit} caracteres.',
    errorGeneric: 'No enviado. Algo salió mal.',
    charactersLeft: 'Quedan {count} caracteres',
    loadEarlier: 'Ver mensajes anteriores',
    welcome: '¡Hola! ¿En qué podemos ayudarte hoy?',
    messagesLabel: 'Conversación',
    productsLabel: 'Productos',
    viewProduct: 'Ver producto',
  },
  zh: {
    title: '与我们聊天',
    subtitle: '在线助手',
    openChat: '打开聊天',
    closeChat: '关闭聊天',
    inputLabel: '您的消息',
    placeholder: '请输入消息…',
    send: '发送',
    connecting: '正在连接…',
    reconnecting: '正在重新连接…',
    unavailable: '聊天暂时不可用。',
    typing: '{name}正在输入…',
    botName: '助手',
    agentName: '客服',
    sending: '发送中…',
    errorTooLong: '未发送：消息最多 {limit} 个字符。',
    errorGeneric: '未发送，出现了问题。',
    charactersLeft: '还可输入 {count} 个字符',
    loadEarlier: '查看更早的消息',
    welcome: '您好！今天有什么可以帮您？',
    messagesLabel: '对话',
    productsLabel: '商品',
    viewProduct: '查看商品',
  },
  fr: {
    title: 'Discutez avec nous',
    subtitle: 'Assistant en ligne',
    openChat: 'Ouvrir le chat',
    closeChat: 'Fermer le chat',
    inputLabel: 'Votre message',
    placeholder: 'Écrivez votre message…',
    send: 'Envoyer',
    connecting: 'Connexion…',
    reconnecting: 'Reconnexion…',
    unavailable: 'Le chat est indisponible pour le moment.',
    typing: '{name} est en train d’écrire…',
    botName: 'Assistant',
    agentName: 'Conseiller',
    sending: 'Envoi…',
    errorTooLong: 'Non envoyé : les messages sont limités à {limit} caractères.',
    errorGeneric: 'Non envoyé. Une erreur s’est produite.',
    charactersLeft: '{count} caractères restants',
    loadEarlier: 'Afficher les messages précédents',
    welcome: 'Bonjour ! Comment pouvons-nous vous aider ?',
    messagesLabel: 'Conversation',
    productsLabel: 'Produits',
    viewProduct: 'Voir le produit',
  },
  de: {
    title: 'Chatten Sie mit uns',
    subtitle: 'Online-Assistent',
    openChat: 'Chat öffnen',
    closeChat: 'Chat schließen',
    inputLabel: 'Ihre Nachricht',
    placeholder: 'Nachricht eingeben…',
    send: 'Senden',
    connecting: 'Verbindung wird hergestellt…',
    reconnecting: 'Verbindung wird wiederhergestellt…',
    unavailable: 'Der Chat ist derzeit nicht verfügbar.',
    typing: '{name} schreibt…',
    botName: 'Assistent',
    agentName: 'Mitarbeiter',
    sending: 'Wird gesendet…',
    errorTooLong: 'Nicht gesendet: Nachrichten dürfen höchstens {limit} Zeichen lang sein.',
    errorGeneric: 'Nicht gesendet. Etwas ist schiefgelaufen.',
    charactersLeft: 'Noch {count} Zeichen',
    loadEarlier: 'Frühere Nachrichten anzeigen',
    welcome: 'Hallo! Wie können wir Ihnen helfen?',
    messagesLabel: 'Unterhaltung',
    productsLabel: 'Produkte',
    viewProduct: 'Produkt ansehen',
  },
  pt: {
    title: 'Fale conosco',
    subtitle: 'Assistente online',
    openChat: 'Abrir chat',
    closeChat: 'Fechar chat',
    inputLabel: 'Sua mensagem',
    placeholder: 'Digite sua mensagem…',
    send: 'Enviar',
    connecting: 'Conectando…',
    reconnecting: 'Reconectando…',
    unavailable: 'O chat está indisponível no momento.',
    typing: '{name} está digitando…',
    botName: 'Assistente',
    agentName: 'Atendente',
    sending: 'Enviando…',
    errorTooLong: 'Não enviada: as mensagens podem ter no máximo {limit} caracteres.',
    errorGeneric: 'Não enviada. Algo deu errado.',
    charactersLeft: 'Restam {count} caracteres',
    loadEarlier: 'Ver mensagens anteriores',
    welcome: 'Olá! Como podemos ajudar você hoje?',
    messagesLabel: 'Conversa',
    productsLabel: 'Produtos',
    viewProduct: 'Ver produto',
  },
  it: {
    title: 'Chatta con noi',
    subtitle: 'Assistente online',
    openChat: 'Apri la chat',
    closeChat: 'Chiudi la chat',
    inputLabel: 'Il tuo messaggio',
    placeholder: 'Scrivi un messaggio…',
    send: 'Invia',
    connecting: 'Connessione…',
    reconnecting: 'Riconnessione…',
    unavailable: 'La chat non è disponibile al momento.',
    typing: '{name} sta scrivendo…',
    botName: 'Assistente',
    agentName: 'Operatore',
    sending: 'Invio…',
    errorTooLong: 'Non inviato: i messaggi possono contenere al massimo {limit} caratteri.',
    errorGeneric: 'Non inviato. Qualcosa è andato storto.',
    charactersLeft: '{count} caratteri rimanenti',
    loadEarlier: 'Mostra i messaggi precedenti',
    welcome: 'Ciao! Come possiamo aiutarti oggi?',
    messagesLabel: 'Conversazione',
    productsLabel: 'Prodotti',
    viewProduct: 'Vedi prodotto',
  },
  ja: {
    title: 'チャットでお問い合わせ',
    subtitle: 'オンラインアシスタント',
    openChat: 'チャットを開く',
    closeChat: 'チャットを閉じる',
    inputLabel: 'メッセージ',
    placeholder: 'メッセージを入力…',
    send: '送信',
    connecting: '接続中…',
    reconnecting: '再接続中…',
    unavailable: '現在チャットはご利用いただけません。',
    typing: '{name}が入力中…',
    botName: 'アシスタント',
    agentName: '担当者',
    sending: '送信中…',
    errorTooLong: '送信できませんでした：メッセージは{limit}文字以内で入力してください。',
    errorGeneric: '送信できませんでした。問題が発生しました。',
    charactersLeft: '残り{count}文字',
    loadEarlier: '以前のメッセージを表示',
    welcome: 'こんにちは！どのようなご用件でしょうか？',
    messagesLabel: '会話',
    productsLabel: '商品',
    viewProduct: '商品を見る',
  },
  ko: {
    title: '채팅 상담',
    subtitle: '온라인 도우미',
    openChat: '채팅 열기',
    closeChat: '채팅 닫기',
    inputLabel: '메시지',
    placeholder: '메시지를 입력하세요…',
    send: '보내기',
    connecting: '연결 중…',
    reconnecting: '다시 연결 중…',
    unavailable: '지금은 채팅을 사용할 수 없습니다.',
    typing: '{name} 입력 중…',
    botName: '도우미',
    agentName: '상담원',
    sending: '보내는 중…',
    errorTooLong: '전송 실패: 메시지는 최대 {limit}자까지 보낼 수 있습니다.',
    errorGeneric: '전송 실패: 문제가 발생했습니다.',
    charactersLeft: '{count}자 남음',
    loadEarlier: '이전 메시지 보기',
    welcome: '안녕하세요! 무엇을 도와드릴까요?',
    messagesLabel: '대화',
    productsLabel: '상품',
    viewProduct: '상품 보기',
  },
  ru: {
    title: 'Напишите нам',
    subtitle: 'Онлайн-помощник',
    openChat: 'Открыть чат',
    closeChat: 'Закрыть чат',
    inputLabel: 'Ваше сообщение',
    placeholder: 'Введите сообщение…',
    send: 'Отправить',
    connecting: 'Подключение…',
    reconnecting: 'Переподключение…',
    unavailable: 'Чат сейчас недоступен.',
    typing: '{name} печатает…',
    botName: 'Помощник',
    agentName: 'Оператор',
    sending: 'Отправка…',
    errorTooLong: 'Не отправлено: сообщение может содержать не более {limit} символов.',
    errorGeneric: 'Не отправлено. Что-то пошло не так.',
    charactersLeft: 'Осталось символов: {count}',
    loadEarlier: 'Показать предыдущие сообщения',
    welcome: 'Здравствуйте! Чем мы можем помочь?',
    messagesLabel: 'Переписка',
    productsLabel: 'Товары',
    viewProduct: 'Открыть товар',
  },
  ar: {
    title: 'تحدث معنا',
    subtitle: 'المساعد عبر الإنترنت',
    openChat: 'فتح الدردشة',
    closeChat: 'إغلاق الدردشة',
    inputLabel: 'رسالتك',
    placeholder: 'اكتب رسالتك…',
    send: 'إرسال',
    connecting: 'جارٍ الاتصال…',
    reconnecting: 'جارٍ إعادة الاتصال…',
    unavailable: 'الدردشة غير متاحة حاليًا.',
    typing: '{name} يكتب…',
    botName: 'المساعد',
    agentName: 'موظف الدعم',
    sending: 'جارٍ الإرسال…',
    errorTooLong: 'لم تُرسل: الحد الأقصى لطول الرسالة {limit} حرفًا.',
    errorGeneric: 'لم تُرسل. حدث خطأ ما.',
    charactersLeft: 'متبقٍ {count} حرفًا',
    loadEarlier: 'عرض الرسائل السابقة',
    welcome: 'مرحبًا! كيف يمكننا مساعدتك اليوم؟',
    messagesLabel: 'المحادثة',
    productsLabel: 'المنتجات',
    viewProduct: 'عرض المنتج',
  },
  tr: {
    title: 'Bize yazın',
    subtitle: 'Çevrimiçi asistan',
    openChat: 'Sohbeti aç',
    closeChat: 'Sohbeti kapat',
    inputLabel: 'Mesajınız',
    placeholder: 'Mesajınızı yazın…',
    send: 'Gönder',
    connecting: 'Bağlanıyor…',
    reconnecting: 'Yeniden bağlanıyor…',
    unavailable: 'Sohbet şu anda kullanılamıyor.',
    typing: '{name} yazıyor…',
    botName: 'Asistan',
    agentName: 'Temsilci',
    sending: 'Gönderiliyor…',
    errorTooLong: 'Gönderilmedi: mesajlar en fazla {limit} karakter olabilir.',
    errorGeneric: 'Gönderilmedi. Bir sorun oluştu.',
    charactersLeft: '{count} karakter kaldı',
    loadEarlier: 'Önceki mesajları göster',
    welcome: 'Merhaba! Size nasıl yardımcı olabiliriz?',
    messagesLabel: 'Sohbet',
    productsLabel: 'Ürünler',
    viewProduct: 'Ürünü görüntüle',
  },
  vi: {
    title: 'Trò chuyện với chúng tôi',
    subtitle: 'Trợ lý trực tuyến',
    openChat: 'Mở trò chuyện',
    closeChat: 'Đóng trò chuyện',
    inputLabel: 'Tin nhắn của bạn',
    placeholder: 'Nhập tin nhắn…',
    send: 'Gửi',
    connecting: 'Đang kết nối…',
    reconnecting: 'Đang kết nối lại…',
    unavailable: 'Hiện không thể trò chuyện.',
    typing: '{name} đang nhập…',
    botName: 'Trợ lý',
    agentName: 'Nhân viên',
    sending: 'Đang gửi…',
    errorTooLong: 'Chưa gửi: tin nhắn tối đa {limit} ký tự.',
    errorGeneric: 'Chưa gửi. Đã xảy ra lỗi.',
    charactersLeft: 'Còn {count} ký tự',
    loadEarlier: 'Xem tin nhắn trước',
    welcome: 'Xin chào! Chúng tôi có thể giúp gì cho bạn?',
    messagesLabel: 'Cuộc trò chuyện',
    productsLabel: 'Sản phẩm',
    viewProduct: 'Xem sản phẩm',
  },
  id: {
    title: 'Chat dengan kami',
    subtitle: 'Asisten online',
    openChat: 'Buka chat',
    closeChat: 'Tutup chat',
    inputLabel: 'Pesan Anda',
    placeholder: 'Ketik pesan Anda…',
    send: 'Kirim',
    connecting: 'Menghubungkan…',
    reconnecting: 'Menghubungkan ulang…',
    unavailable: 'Chat sedang tidak tersedia.',
    typing: '{name} sedang mengetik…',
    botName: 'Asisten',
    agentName: 'Agen',
    sending: 'Mengirim…',
    errorTooLong: 'Tidak terkirim: pesan maksimal {limit} karakter.',
    errorGeneric: 'Tidak terkirim. Terjadi kesalahan.',
    charactersLeft: 'Sisa {count} karakter',
    loadEarlier: 'Tampilkan pesan sebelumnya',
    welcome: 'Halo! Ada yang bisa kami bantu hari ini?',
    messagesLabel: 'Percakapan',
    productsLabel: 'Produk',
    viewProduct: 'Lihat produk',
  },
  th: {
    title: 'แชทกับเรา',
    subtitle: 'ผู้ช่วยออนไลน์',
    openChat: 'เปิดแชท',
    closeChat: 'ปิดแชท',
    inputLabel: 'ข้อความของคุณ',
    placeholder: 'พิมพ์ข้อความ…',
    send: 'ส่ง',
    connecting: 'กำลังเชื่อมต่อ…',
    reconnecting: 'กำลังเชื่อมต่อใหม่…',
    unavailable: 'แชทไม่พร้อมใช้งานในขณะนี้',
    typing: '{name} กำลังพิมพ์…',
    botName: 'ผู้ช่วย',
    agentName: 'เจ้าหน้าที่',
    sending: 'กำลังส่ง…',
    errorTooLong: 'ส่งไม่สำเร็จ: ข้อความยาวได้ไม่เกิน {limit} ตัวอักษร',
    errorGeneric: 'ส่งไม่สำเร็จ เกิดข้อผิดพลาด',
    charactersLeft: 'เหลืออีก {count} ตัวอักษร',
    loadEarlier: 'แสดงข้อความก่อนหน้า',
    welcome: 'สวัสดี! มีอะไรให้เราช่วยไหม',
    messagesLabel: 'บทสนทนา',
    productsLabel: 'สินค้า',
    viewProduct: 'ดูสินค้า',
  },
  pl: {
    title: 'Napisz do nas',
    subtitle: 'Asystent online',
    openChat: 'Otwórz czat',
    closeChat: 'Zamknij czat',
    inputLabel: 'Twoja wiadomość',
    placeholder: 'Wpisz wiadomość…',
    send: 'Wyślij',
    connecting: 'Łączenie…',
    reconnecting: 'Ponowne łączenie…',
    unavailable: 'Czat jest obecnie niedostępny.',
    typing: '{name} pisze…',
    botName: 'Asystent',
    agentName: 'Konsultant',
    sending: 'Wysyłanie…',
    errorTooLong: 'Nie wysłano: wiadomość może mieć najwyżej {limit} znaków.',
    errorGeneric: 'Nie wysłano. Coś poszło nie tak.',
    charactersLeft: 'Pozostało znaków: {count}',
    loadEarlier: 'Pokaż wcześniejsze wiadomości',
    welcome: 'Cześć! W czym możemy pomóc?',
    messagesLabel: 'Rozmowa',
    productsLabel: 'Produkty',
    viewProduct: 'Zobacz produkt',
  },
};

/** Languages written right to left among {@link SUPPORTED_LOCALES}. */
const RTL_LOCALES: ReadonlySet<WidgetLocale> = new Set<WidgetLocale>(['ar']);

/**
 * Legacy or alternative primary subtags browsers still report, mapped to ours (`in` is the pre-1989 code for
 * Indonesian that older Android WebViews send).
 */
const ALIASES: Readonly<Record<string, WidgetLocale>> = { in: 'id' };

function isSupported(code: string): code is WidgetLocale {
  return (SUPPORTED_LOCALES as readonly string[]).includes(code);
}

/**
 * Maps one BCP-47 tag (`pt-BR`, `zh_Hans_CN`, `AR`) to a supported locale by its primary subtag, or `undefined`.
 * Chinese in any script maps to `zh` (Simplified): for a Traditional-Chinese reader that is still far more useful
 * than an English fallback.
 */
export function matchLocale(tag: string | null | undefined): WidgetLocale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (isSupported(primary)) return primary;
  return ALIASES[primary];
}

/**
 * Picks the chrome language: the first candidate that matches a supported locale wins, else English.
 * Callers pass the conversation language first, then `navigator.language`, then `navigator.languages`.
 */
export function resolveLocale(...candidates: ReadonlyArray<string | null | undefined>): WidgetLocale {
  for (const candidate of candidates) {
    const match = matchLocale(candidate);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}

/** The strings of `locale`. */
export function getStrings(locale: WidgetLocale): WidgetStrings {
  return STRINGS[locale];
}

/** Whether `locale` is written right to left (the widget then sets `dir="rtl"`). */
export function isRtl(locale: WidgetLocale): boolean {
  return RTL_LOCALES.has(locale);
}

/**
 * Fills `{name}` placeholders of a template. Unknown placeholders are left as they are, so a translation typo
 * shows up visibly instead of silently dropping text.
 */
export function formatText(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole,
  );
}
