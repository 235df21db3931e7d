/**
 * Words that announce an order number, in the 16 shopper languages. Kept apart from the patterns so a translator
 * can extend them without reading regular expressions. Entries are literal, matched case-insensitively.
 */

/** Words for "order" written with spaces around them (Latin, Cyrillic, Arabic); matched on word boundaries. */
export const SPACED_ORDER_WORDS: readonly string[] = [
  // en
  'order', 'order id',
  // es, pt
  'pedido', 'orden', 'compra', 'encomenda',
  // fr
  'commande',
  // de
  'bestellung', 'bestellnummer', 'bestell-nr', 'bestellnr', 'auftrag', 'auftragsnummer',
  // it
  'ordine', 'ordinazione',
  // ru (noun forms only: the verb "заказал" is followed by quantities)
  'заказ', 'заказа', 'заказу', 'заказе', 'заказом', 'заказы',
  // pl (with and without diacritics, as typed on phones)
  'zamówienie', 'zamówienia', 'zamówieniu', 'zamówieniem', 'zamówień', 'zamowienie', 'zamowienia', 'zamowieniu',
  // tr
  'sipariş', 'siparişim', 'siparişimin', 'siparişimi', 'siparişin', 'siparis', 'siparisim', 'siparisimin',
  // vi
  'đơn hàng', 'đơn', 'mã đơn', 'don hang',
  // id
  'pesanan', 'pesananku', 'pemesanan',
  // ar
  'طلب', 'الطلب', 'طلبي', 'طلبية', 'الطلبية', 'طلبيتي', 'اوردر', 'أوردر',
];

/** Words for "order" in scripts without spaces (zh, ja, th) and in Korean; matched as substrings. */
export const UNSPACED_ORDER_WORDS: readonly string[] = [
  // zh (Simplified, and Traditional as written by Hong Kong/Taiwan shoppers)
  '订单号', '订单编号', '订单', '訂單號', '訂單',
  // ja
  'ご注文番号', '注文番号', '注文', 'オーダー番号', 'オーダー', '受注番号',
  // ko
  '주문번호', '주문 번호', '주문',
  // th
  'หมายเลขคำสั่งซื้อ', 'คำสั่งซื้อ', 'ออเดอร์', 'เลขที่คำสั่งซื้อ',
];

/** Words for "number" that may sit between the order word and the code ("order no. 4471", "Bestellung Nr. 4471"). */
export const NUMBER_WORDS: readonly string[] = [
  'number', 'no.', 'no', 'nr.', 'nr', 'num.', 'num', 'id', 'ref', 'reference', 'code', '#',
  'número', 'numero', 'núm.', 'nro.', 'nº', 'n°', 'n.º', 'n.',
  'numéro', 'nummer', 'numer',
  'номер', '№',
  'numarası', 'numarasi', 'numaram', 'numaramız',
  'số', 'mã',
  'nomor',
  'رقم', 'رقمها',
  '号', '號', '编号', '番号', '번호', 'หมายเลข', 'เลขที่',
];

/**
 * Little words between the number word and the code: "is" in the unspaced languages ("订单号是4471", "注文番号は4471",
 * "주문번호는 4471", "คำสั่งซื้อคือ 4471"). Latin "is" is left out on purpose: "my order is 300 dollars" is not a code.
 */
export const LINKING_PARTICLES: readonly string[] = ['是', '为', '為', 'は', 'が', '는', '은', 'คือ'];

/**
 * Words right before "order"/"commande" that make it a verb ("I want to order 500 units", "je commande 300"):
 * then the number is a quantity, not an order number.
 */
export const VERB_MARKERS: readonly string[] = [
  'to', 'i', 'we', 'you', 'they', 'will', 'can', 'could', 'would', 'should', 'must', 'please', "i'll", "we'll",
  'je', 'nous', 'tu', 'on',
];
