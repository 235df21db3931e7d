import { assessFrustration, FRUSTRATION_ESCALATION_THRESHOLD } from '../../../nlu/entities';
import { FRUSTRATION_LEXICONS } from '../../../nlu/entities/frustration-lexicon';

const escalates = (text: string, language?: string): boolean =>
  assessFrustration(text, language).score >= FRUSTRATION_ESCALATION_THRESHOLD;

describe('assessFrustration', () => {
  describe('angry messages', () => {
    it.each([
      ['en', 'This is ridiculous!!!'],
      ['en', 'worst service ever'],
      ['en', 'you are a useless bot'],
      ['en', 'I will file a chargeback'],
      ['en', 'this is a scam, I am calling my lawyer'],
      ['es', 'es una estafa, voy a denunciar'],
      ['fr', "c'est inadmissible, je vais porter plainte"],
      ['de', 'Das ist eine Frechheit, ich gehe zum Anwalt'],
      ['pt', 'que absurdo, vou reclamar no Procon'],
      ['it', 'è una truffa, chiamo il mio avvocato'],
      ['ru', 'вы издеваетесь?'],
      ['pl', 'to oszustwo, idę do sądu'],
      ['tr', 'rezalet, avukatıma gidiyorum'],
      ['ar', 'خدمة سيئة، هذا نصب وسأذهب إلى الشرطة'],
      ['zh', '我要投诉！'],
      ['zh', '太过分了，骗子'],
      ['ja', 'ふざけるな'],
      ['ja', '最悪、二度と買わない'],
      ['ko', '최악이네요 소비자원에 신고하겠습니다'],
      ['th', 'แย่มาก จะแจ้งความ'],
      ['vi', 'lừa đảo, tôi sẽ báo công an'],
      ['id', 'penipu! saya lapor polisi'],
    ])('escalates %s: %j', (language, text) => {
      expect(escalates(text, language)).toBe(true);
    });

    it('also escalates without a language, using all lexicons', () => {
      expect(escalates('вы издеваетесь')).toBe(true);
      expect(escalates('我要投诉')).toBe(true);
    });
  });

  describe('polite messages about problems', () => {
    it.each([
      ['en', 'my package is late, could you check?'],
      ['en', 'Hi, I have not received order 4471 yet. Could you help, please?'],
      ['en', 'I hate to bother you, but is there any update?'],
      ['en', 'here is a pic of the damage'],
      ['en', 'this cable is useless, can I return it?'],
      ['fr', 'Il est inutile de rappeler, merci'],
      ['es', 'Hola, mi pedido no ha llegado, ¿podrían revisarlo? Gracias'],
      ['fr', "Bonjour, ma commande n'est pas arrivée, pouvez-vous vérifier ?"],
      ['de', 'Hallo, meine Bestellung ist noch nicht da. Können Sie nachsehen?'],
      ['pt', 'Olá, meu pedido ainda não chegou, podem verificar?'],
      ['ru', 'Здравствуйте, мой заказ еще не пришел, проверьте, пожалуйста'],
      ['pl', 'Dzień dobry, paczka jeszcze nie dotarła, czy możecie sprawdzić?'],
      ['tr', 'Merhaba, siparişim henüz gelmedi, kontrol edebilir misiniz?'],
      ['ar', 'مرحبا، طلبي لم يصل بعد، هل يمكنكم التحقق؟'],
      ['zh', '你好，我的包裹还没到，能帮我查一下吗？'],
      ['ja', 'すみません、荷物がまだ届いていません。確認していただけますか？'],
      ['ko', '안녕하세요, 주문한 상품이 아직 안 왔어요. 확인 부탁드립니다.'],
      ['th', 'สวัสดีครับ พัสดุยังไม่มาถึง ช่วยตรวจสอบให้หน่อยได้ไหมครับ'],
      ['vi', 'Chào shop, đơn hàng của tôi chưa tới, kiểm tra giúp tôi nhé'],
      ['id', 'Halo kak, paket saya belum sampai, bisa tolong dicek?'],
      ['it', 'Buongiorno, il mio pacco non è ancora arrivato, potete controllare?'],
    ])('scores %s %j low', (language, text) => {
      expect(assessFrustration(text, language).score).toBeLessThan(0.3);
    });
  });

  describe('shouting cues', () => {
    it('counts !!!, ??? and ALL-CAPS words, but not acronyms', () => {
      const { score, signals } = assessFrustration('WHERE IS MY ORDER??? USPS says nothing');
      expect(signals).toEqual(['punctuation:???', 'caps:WHERE ORDER']);
      expect(score).toBeGreaterThan(0.3);
      expect(score).toBeLessThan(FRUSTRATION_ESCALATION_THRESHOLD);
    });

    it('escalates annoyance when it comes with enough shouting', () => {
      expect(escalates('STILL WAITING!!! how many times do I have to ASK??? 😡', 'en')).toBe(true);
      expect(escalates('still waiting, any news?', 'en')).toBe(false);
    });
  });

  it('reports its signals and keeps the score within 0..1', () => {
    const result = assessFrustration('Worst service ever, I will file a chargeback!!! FUCK', 'en');
    expect(result.signals).toEqual(expect.arrayContaining(['anger:worst service', 'threat:chargeback', 'punctuation:!!!']));
    expect(result.score).toBeGreaterThan(0.9);
    expect(result.score).toBeLessThanOrEqual(1);
    expect(assessFrustration('')).toEqual({ score: 0, signals: [] });
  });
});

describe('the frustration lexicons', () => {
  it('cover the 16 shopper languages with every kind of entry', () => {
    const languages = Object.keys(FRUSTRATION_LEXICONS).sort();
    expect(languages).toEqual(['ar', 'de', 'en', 'es', 'fr', 'id', 'it', 'ja', 'ko', 'pl', 'pt', 'ru', 'th', 'tr', 'vi', 'zh']);
    for (const lexicon of Object.values(FRUSTRATION_LEXICONS)) {
      for (const kind of ['threat', 'insult', 'profanity', 'anger', 'annoyance'] as const) {
        expect(lexicon[kind].length).toBeGreaterThan(0);
      }
    }
  });

  it('recognise each of their own entries in a sentence', () => {
    for (const [language, lexicon] of Object.entries(FRUSTRATION_LEXICONS)) {
      for (const kind of ['threat', 'insult', 'profanity', 'anger', 'annoyance'] as const) {
        for (const term of lexicon[kind]) {
          const written = term.replace(/\*$/, '');
          const { signals } = assessFrustration(`ok ${written} ok`, language);
          expect({ language, term, found: signals.length > 0 }).toEqual({ language, term, found: true });
        }
      }
    }
  });
});
