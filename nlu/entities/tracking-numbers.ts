/**
 * Parcel tracking numbers. Distinctive shapes (UPS `1Z…`, UPU `LX123456789CN`, SF Express, USPS `9…`, Cainiao)
 * are found anywhere; bare 10/12/15-digit numbers only next to a carrier name or a word for "tracking", since
 * without context they are as likely phone or order numbers.
 */
import type { EntityOf } from './entity';

interface ShapeRule {
  carrier: string;
  pattern: RegExp;
}

const B = '(?<![A-Za-z0-9])';
const E = '(?![A-Za-z0-9])';

// Order matters only for equal spans; distinct shapes rarely collide.
const SHAPES: readonly ShapeRule[] = [
  { carrier: 'ups', pattern: new RegExp(`${B}1Z(?:\\s?[0-9A-Z]){16}${E}`, 'gi') },
  // UPU S10: 2 letters, 8 digits + check digit, ISO country of origin. Check digits are not enforced: many
  // labels shoppers paste are mistyped in one digit, and the shape alone is distinctive enough.
  { carrier: 'upu', pattern: new RegExp(`${B}[A-Z]{2}[0-9]{9}[A-Z]{2}${E}`, 'gi') },
  { carrier: 'sf-express', pattern: new RegExp(`${B}SF[0-9]{12,13}${E}`, 'gi') },
  { carrier: 'cainiao', pattern: new RegExp(`${B}(?:LP[0-9]{12,16}|YT[0-9]{16}|CN[A-Z]{0,4}[0-9]{10,16})${E}`, 'gi') },
  { carrier: 'dhl', pattern: new RegExp(`${B}JD[0-9]{18}${E}`, 'gi') },
  // USPS: 20-22 digits starting with 9, also in the printed groups of four ("9400 1000 0000 0000 0000 00").
  { carrier: 'usps', pattern: new RegExp(`${B}(?:9[0-9]{19,21}|9[0-9]{3}(?: [0-9]{4}){4}(?: [0-9]{2})?)${E}`, 'g') },
];

/** Words that make a bare 10/12/15-digit number a tracking number, in the 16 languages. */
const TRACKING_CONTEXT = new RegExp(
  [
    'track(?:ing)?', 'waybill', 'air ?waybill', 'awb', 'shipment', 'parcel',
    'seguimiento', 'rastreo', 'gu[ií]a', 'env[ií]o', 'suivi', 'colis', 'sendung(?:snummer|sverfolgung)?',
    'paketnummer', 'rastre(?:io|amento)', 'tracciamento', 'spedizione', 'трек', 'отслежива', 'посылк',
    'śledzeni', 'przesyłk', 'list przewozowy', 'takip', 'kargo', 'vận đơn', 'theo dõi', 'resi', 'lacak',
    'تتبع', 'الشحنة', 'بوليصة', '运单', '快递', '物流', '追踪', '跟踪', '追跡', '伝票', '問い合わせ番号',
    '운송장', '송장', '배송', '추적', 'พัสดุ', 'ติดตาม', 'แทร็ก',
  ].join('|'),
  'i',
);
const FEDEX = /fed\s?ex/i;
const DHL = /\bdhl\b/i;
const CONTEXT_BEFORE = 60;
const CONTEXT_AFTER = 20;

const BARE_DIGITS = /(?<![0-9A-Za-z+\-/.,])(?:[0-9]{15}|[0-9]{12}|[0-9]{10})(?![0-9A-Za-z]|[.,][0-9])/g;

function contextualCarrier(text: string, start: number, end: number): string | undefined {
  const around = text.slice(Math.max(0, start - CONTEXT_BEFORE), end + CONTEXT_AFTER);
  const length = end - start;
  if (length === 10) return DHL.test(around) || TRACKING_CONTEXT.test(around) ? 'dhl' : undefined;
  return FEDEX.test(around) || TRACKING_CONTEXT.test(around) ? 'fedex' : undefined;
}

/** True when a tracking number was recognised from context (bare digits) rather than from its shape. */
export function isContextualTrackingNumber(entity: EntityOf<'tracking_number'>): boolean {
  return /^[0-9]{10}$|^[0-9]{12}$|^[0-9]{15}$/.test(entity.value.normalized);
}

/**
 * Finds tracking numbers and names the carrier (`ups`, `upu`, `sf-express`, `cainiao`, `usps`, `fedex`, `dhl`).
 * @example findTrackingNumbers('tracking LX123456789CN')[0].value // { normalized: 'LX123456789CN', carrier: 'upu' }
 */
export function findTrackingNumbers(text: string): Array<EntityOf<'tracking_number'>> {
  const found: Array<EntityOf<'tracking_number'>> = [];
  if (!/[0-9]{5}/.test(text.replace(/ /g, ''))) return found;
  const push = (start: number, raw: string, carrier: string): void => {
    const normalized = raw.replace(/\s/g, '').toUpperCase();
    found.push({ type: 'tracking_number', text: raw, start, end: start + raw.length, value: { normalized, carrier } });
  };
  for (const { carrier, pattern } of SHAPES) {
    for (const match of text.matchAll(pattern)) push(match.index, match[0], carrier);
  }
  for (const match of text.matchAll(BARE_DIGITS)) {
    const carrier = contextualCarrier(text, match.index, match.index + match[0].length);
    if (carrier) push(match.index, match[0], carrier);
  }
  return found;
}
