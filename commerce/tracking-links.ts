/**
 * Carrier name -> the carrier's public tracking page for a parcel. Carrier names come from shop systems and
 * spreadsheets in every spelling ("DHL Express", "dhl", "顺丰速运", "J&T"), so names are matched loosely: case,
 * spaces and punctuation do not count, and a name that starts with a known carrier ("UPS Standard") matches it.
 * An unknown carrier gets no link rather than a guessed one.
 */

/** A carrier and where its parcels are tracked. */
export interface Carrier {
  /** Stable id, e.g. `sf-express`. */
  id: string;
  /** Display name. */
  name: string;
  /**
   * Tracking page; `{number}` is replaced by the URL-encoded tracking number, `{postcode}` and `{country}` (ISO-2)
   * by the destination's when the template uses them.
   */
  template: string;
  /** Used instead of `template` when the destination's postcode or country is unknown. */
  templateWithoutDestination?: string;
  /** Other names the carrier goes by (any case and punctuation). */
  aliases: readonly string[];
}

/** Where a parcel goes; some carriers (PostNL) need it to show the parcel. */
export interface ParcelDestination {
  postcode?: string | null;
  country?: string | null;
}

/** The carriers known out of the box: global integrators, European and Asian posts and parcel networks. */
export const CARRIERS: readonly Carrier[] = [
  { id: 'dhl', name: 'DHL', template: 'https://www.dhl.com/global-en/home/tracking.html?tracking-id={number}&submit=1', aliases: ['DHL Express', 'DHL eCommerce', 'DHL Parcel', 'Deutsche Post DHL'] },
  { id: 'ups', name: 'UPS', template: 'https://www.ups.com/track?tracknum={number}', aliases: ['United Parcel Service'] },
  { id: 'fedex', name: 'FedEx', template: 'https://www.fedex.com/fedextrack/?trknbr={number}', aliases: ['Federal Express', 'TNT'] },
  { id: 'usps', name: 'USPS', template: 'https://tools.usps.com/go/TrackConfirmAction?tLabels={number}', aliases: ['United States Postal Service', 'US Postal Service'] },
  { id: 'royal-mail', name: 'Royal Mail', template: 'https://www.royalmail.com/track-your-item#/tracking-results/{number}', aliases: ['Parcelforce'] },
  { id: 'la-poste', name: 'La Poste / Colissimo', template: 'https://www.laposte.fr/outils/suivre-vos-envois?code={number}', aliases: ['La Poste', 'Colissimo', 'LaPoste Colissimo'] },
  { id: 'chronopost', name: 'Chronopost', template: 'https://www.chronopost.fr/tracking-no-cms/suivi-page?listeNumerosLT={number}', aliases: [] },
  { id: 'correos', name: 'Correos', template: 'https://www.correos.es/es/en/tools/tracker/items/details?tracking-number={number}', aliases: ['Correos España', 'Correos Spain'] },
  { id: 'correios', name: 'Correios', template: 'https://rastreamento.correios.com.br/app/index.php?objetos={number}', aliases: ['Correios Brasil', 'Correios Brazil'] },
  { id: 'postnl', name: 'PostNL', template: 'https://jouw.postnl.nl/track-and-trace/{number}-{country}-{postcode}', templateWithoutDestination: 'https://postnl.nl/tracktrace/?B={number}', aliases: [] },
  { id: 'sf-express', name: 'SF Express', template: 'https://www.sf-express.com/chn/en/waybill/waybill-detail/{number}', aliases: ['SF', 'Shunfeng', 'SF International', '顺丰', '顺丰速运', '順豐'] },
  { id: 'cainiao', name: 'Cainiao', template: 'https://global.cainiao.com/newDetail.htm?mailNoList={number}', aliases: ['AliExpress Standard Shipping', '菜鸟'] },
  { id: 'yamato', name: 'Yamato Transport', template: 'https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01={number}', aliases: ['Yamato', 'Kuroneko Yamato', 'ヤマト運輸', 'クロネコヤマト'] },
  { id: 'japan-post', name: 'Japan Post', template: 'https://trackings.post.japanpost.jp/services/srv/search/direct?reqCodeNo1={number}&locale=en', aliases: ['JP Post', 'EMS Japan', '日本郵便'] },
  { id: 'cj-logistics', name: 'CJ Logistics', template: 'https://www.cjlogistics.com/en/tool/parcel/tracking?gnbInvcNo={number}', aliases: ['CJ Korea Express', 'CJ대한통운', '대한통운'] },
  { id: 'kerry', name: 'Kerry Express', template: 'https://th.kerryexpress.com/en/track/?track={number}', aliases: ['Kerry', 'Kerry Logistics', 'KEX Express'] },
  { id: 'jt-express', name: 'J&T Express', template: 'https://www.jtexpress.my/tracking/{number}', aliases: ['J&T', 'JT Express', 'J and T Express', '极兔速递'] },
  { id: 'aramex', name: 'Aramex', template: 'https://www.aramex.com/track/results?ShipmentNumber={number}', aliases: [] },
  { id: 'inpost', name: 'InPost', template: 'https://inpost.pl/sledzenie-przesylek?number={number}', aliases: ['Paczkomaty'] },
  { id: 'seur', name: 'SEUR', template: 'https://www.seur.com/livetracking/?segOnlineIdentificador={number}', aliases: [] },
  { id: 'gls', name: 'GLS', template: 'https://gls-group.com/track/{number}', aliases: ['General Logistics Systems'] },
  { id: 'dpd', name: 'DPD', template: 'https://tracking.dpd.de/status/en_US/parcel/{number}', aliases: ['DPD Group', 'DPDgroup'] },
  { id: 'evri', name: 'Evri', template: 'https://www.evri.com/track/parcel/{number}', aliases: ['Hermes UK', 'Myhermes'] },
  { id: 'poste-italiane', name: 'Poste Italiane', template: 'https://www.poste.it/cerca/index.html#/risultati-spedizioni/{number}', aliases: [] },
  { id: 'australia-post', name: 'Australia Post', template: 'https://auspost.com.au/mypost/track/details/{number}', aliases: ['AusPost'] },
  { id: 'canada-post', name: 'Canada Post', template: 'https://www.canadapost-postescanada.ca/track-reperage/en#/search?searchFor={number}', aliases: ['Postes Canada'] },
  { id: 'china-post', name: 'China Post', template: 'https://www.ems.com.cn/qps/yjcx?mailNum={number}', aliases: ['China EMS', '中国邮政'] },
  { id: 'postnord', name: 'PostNord', template: 'https://tracking.postnord.com/en/?id={number}', aliases: [] },
  { id: 'bpost', name: 'bpost', template: 'https://track.bpost.cloud/btr/web/#/search?itemCode={number}&lang=en', aliases: [] },
];

/** Lower case, NFKC, letters and digits only: "J&T Express" -> "jtexpress", "ＤＨＬ" -> "dhl". */
function carrierKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/** Every spelling of every carrier, as keys. */
const BY_KEY: ReadonlyMap<string, Carrier> = new Map(
  CARRIERS.flatMap((carrier) => [carrier.id, carrier.name, ...carrier.aliases].map((name) => [carrierKey(name), carrier] as const)),
);
/** Keys long enough to match as a prefix ("dhl" in "dhlexpressgermany"), longest first so the most specific wins. */
const PREFIX_KEYS: readonly string[] = [...BY_KEY.keys()].filter((key) => key.length >= 3).sort((a, b) => b.length - a.length);

/**
 * The carrier a name refers to, or undefined when it is unknown.
 * @example findCarrier('dhl express')?.id // 'dhl'
 */
export function findCarrier(name: string | null | undefined): Carrier | undefined {
  if (!name) return undefined;
  const key = carrierKey(name);
  if (!key) return undefined;
  const exact = BY_KEY.get(key);
  if (exact) return exact;
  const prefix = PREFIX_KEYS.find((candidate) => key.startsWith(candidate));
  return prefix === undefined ? undefined : BY_KEY.get(prefix);
}

/**
 * The tracking page of a parcel, or undefined when the carrier is unknown or there is no tracking number.
 * @example
 * trackingUrl('SF Express', 'SF1234567890123'); // 'https://www.sf-express.com/chn/en/waybill/waybill-detail/SF1234567890123'
 * trackingUrl('Pigeon Post', '123'); // undefined
 */
export function trackingUrl(
  carrierName: string | null | undefined,
  trackingNumber: string | null | undefined,
  destination: ParcelDestination = {},
): string | undefined {
  const carrier = findCarrier(carrierName);
  const number = trackingNumber?.trim();
  if (!carrier || !number) return undefined;
  const postcode = destination.postcode?.replace(/\s+/g, '').toUpperCase();
  const country = destination.country?.trim().toUpperCase();
  const needsDestination = carrier.template.includes('{postcode}') || carrier.template.includes('{country}');
  const template = needsDestination && (!postcode || !country) ? (carrier.templateWithoutDestination ?? carrier.template) : carrier.template;
  return template
    .replaceAll('{number}', encodeURIComponent(number))
    .replaceAll('{postcode}', encodeURIComponent(postcode ?? ''))
    .replaceAll('{country}', encodeURIComponent(country ?? ''));
}
