import { TextAnalyzer } from '../../knowledge/retrieval/text-analysis';
it('prints', () => {
  const a = new TextAnalyzer();
  const cases: Array<[string, string]> = [
    ['Where is my order? Don\'t ship the order\'s e-mail.', 'en'],
    ['¿Dónde está mi envío? devolucion y devolución', 'es'],
    ["Où est l'adresse de livraison ? Je veux changer d'adresse", 'fr'],
    ['Wo ist meine Bestellung? Rücksendung und Rücksendungen, Größe', 'de'],
    ['我的订单什么时候到？退货运费是多少', 'zh'],
    ['注文をキャンセルしたいです。送料はいくらですか', 'ja'],
    ['ฉันต้องการคืนสินค้า', 'th'],
    ['Standard 3-6 business days EUR 5.90, before 14:00 CET', 'en'],
    ['DHL Express 配送 PayPal shipping', 'zh'],
    ["Dov'è il mio ordine? dell'ordine", 'it'],
    ['Quanto custa o frete para Portugal?', 'pt'],
    ['주문이 언제 도착하나요', 'ko'],
  ];
  for (const [t, l] of cases) console.log(l, t, '=>', JSON.stringify(a.analyze(t, l)));
});
