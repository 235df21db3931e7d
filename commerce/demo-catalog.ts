/**
 * The demo store's data, as an import document: a cross-border fashion, running and outdoor shop selling in EUR
 * (with US-dollar prices), with customers in Europe and Asia and an order in every status. Products carry brands,
 * names and descriptions in English, Spanish, German, French and Chinese, and some ship to a few countries only
 * (demo-catalog-fashion.ts, demo-catalog-sports.ts, demo-catalog-outdoor.ts). Times are relative to `now` so that
 * "arrives in three days" stays true whenever the demo is started. Tests and demos rely on the orders named in
 * {@link DEMO_ORDERS}.
 */
import { FASHION_EXTRAS } from './demo-catalog-fashion';
import { OUTDOOR_PRODUCTS } from './demo-catalog-outdoor';
import { SPORTS_PRODUCTS } from './demo-catalog-sports';
import { catalogueFields, type DemoSportProduct } from './demo-catalog-types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SHOP = 'https://demo-store.example.com';

/** Order numbers of the demo with a fixed role: tests and the demo script use them. */
export const DEMO_ORDERS = {
  /** li.wei@example.com (李伟), in transit with SF Express `SF1234567890123`, arrives in 3 days. */
  inTransit: 'A1B2C3',
  /** anna.schmidt@example.com, processing: can still be cancelled or sent elsewhere. */
  processing: 'B7K9Q2',
  /** maria.garcia@example.com, delivered. */
  delivered: 'C4D5E6',
  /** john.smith@example.com, paid. */
  paid: 'D8F1G3',
} as const;

interface DemoProduct {
  sku: string;
  name: string;
  category: string;
  price: string;
  stock: number;
  description: string;
  attributes: Record<string, string | string[]>;
}

const CLOTHING_SIZES = ['XS', 'S', 'M', 'L', 'XL'];

const PRODUCTS: DemoProduct[] = [
  { sku: 'TEE-ORG-WHT', name: 'Organic Cotton T-Shirt, White', category: 'Tops', price: '24.90', stock: 120, description: 'A heavyweight crew-neck tee in GOTS-certified organic cotton.', attributes: { sizes: CLOTHING_SIZES, colours: ['White'], material: 'organic cotton' } },
  { sku: 'TEE-ORG-BLK', name: 'Organic Cotton T-Shirt, Black', category: 'Tops', price: '24.90', stock: 85, description: 'A heavyweight crew-neck tee in GOTS-certified organic cotton.', attributes: { sizes: CLOTHING_SIZES, colours: ['Black'], material: 'organic cotton' } },
  { sku: 'SWT-MER-GRY', name: 'Merino Wool Crewneck Sweater', category: 'Knitwear', price: '89.00', stock: 40, description: 'Fine-gauge extra-fine merino, warm without bulk.', attributes: { sizes: CLOTHING_SIZES, colours: ['Grey', 'Navy'], material: 'merino wool' } },
  { sku: 'JKT-DEN-IND', name: 'Classic Denim Jacket', category: 'Outerwear', price: '119.00', stock: 25, description: 'Rigid indigo denim that softens with wear.', attributes: { sizes: CLOTHING_SIZES, colours: ['Indigo'], material: 'cotton denim' } },
  { sku: 'JKT-RAIN-OLV', name: 'Packable Rain Jacket', category: 'Outerwear', price: '99.00', stock: 0, description: 'Waterproof, breathable and folds into its own pocket.', attributes: { sizes: CLOTHING_SIZES, colours: ['Olive', 'Black'], material: 'recycled polyester' } },
  { sku: 'DRS-LIN-SAGE', name: 'Linen Midi Dress', category: 'Dresses', price: '79.00', stock: 30, description: 'A relaxed midi dress in washed European linen.', attributes: { sizes: CLOTHING_SIZES, colours: ['Sage', 'Sand'], material: 'linen' } },
  { sku: 'JNS-SLM-BLU', name: 'Slim Fit Jeans', category: 'Bottoms', price: '69.00', stock: 60, description: 'Stretch denim with a slim, not skinny, leg.', attributes: { sizes: ['28', '30', '32', '34', '36'], colours: ['Mid Blue', 'Black'], material: 'cotton, elastane' } },
  { sku: 'SKT-PLT-BLK', name: 'Pleated Midi Skirt', category: 'Bottoms', price: '59.00', stock: 0, description: 'Fluid sunray pleats that move with you.', attributes: { sizes: CLOTHING_SIZES, colours: ['Black'], material: 'recycled polyester' } },
  { sku: 'SNK-WHT-LTH', name: 'White Leather Sneakers', category: 'Shoes', price: '109.00', stock: 45, description: 'Minimal low-tops in full-grain leather on a rubber cup sole.', attributes: { sizes: ['36', '37', '38', '39', '40', '41', '42', '43', '44', '45'], colours: ['White'], material: 'leather' } },
  { sku: 'BOOT-CHL-BRN', name: 'Suede Chelsea Boots', category: 'Shoes', price: '149.00', stock: 12, description: 'Brown suede Chelsea boots with elastic sides.', attributes: { sizes: ['37', '38', '39', '40', '41', '42', '43', '44'], colours: ['Brown'], material: 'suede' } },
  { sku: 'BAG-TOT-CNV', name: 'Canvas Tote Bag', category: 'Bags', price: '29.00', stock: 200, description: 'A sturdy everyday tote with an inside pocket.', attributes: { colours: ['Natural', 'Black'], material: 'cotton canvas' } },
  { sku: 'BAG-CRS-LTH', name: 'Leather Crossbody Bag', category: 'Bags', price: '129.00', stock: 18, description: 'A compact crossbody bag with an adjustable strap.', attributes: { colours: ['Tan', 'Black'], material: 'leather' } },
  { sku: 'BAG-BPK-RLL', name: 'Roll-top Backpack', category: 'Bags', price: '89.00', stock: 0, description: 'Water-resistant roll-top backpack with a laptop sleeve.', attributes: { colours: ['Black', 'Olive'], material: 'recycled nylon', capacity: '20 L' } },
  { sku: 'SCF-SLK-FLR', name: 'Silk Scarf, Floral Print', category: 'Accessories', price: '49.00', stock: 35, description: 'A 90 cm square scarf in printed mulberry silk.', attributes: { colours: ['Blue Floral', 'Red Floral'], material: 'silk' } },
  { sku: 'SCF-CSH-CML', name: 'Cashmere Scarf', category: 'Accessories', price: '99.00', stock: 22, description: 'A generous scarf in soft Mongolian cashmere.', attributes: { colours: ['Camel', 'Grey'], material: 'cashmere' } },
  { sku: 'HAT-BKT-BEI', name: 'Cotton Bucket Hat', category: 'Accessories', price: '27.00', stock: 70, description: 'A washed cotton-twill bucket hat.', attributes: { sizes: ['S/M', 'L/XL'], colours: ['Beige', 'Navy'], material: 'cotton twill' } },
  { sku: 'BLT-LTH-BRN', name: 'Leather Belt', category: 'Accessories', price: '39.00', stock: 50, description: 'Vegetable-tanned leather with a brass buckle.', attributes: { sizes: ['80', '90', '100', '110'], colours: ['Brown', 'Black'], material: 'leather' } },
  { sku: 'SUN-RND-TRT', name: 'Round Sunglasses', category: 'Accessories', price: '59.00', stock: 40, description: 'Acetate frames with polarised UV400 lenses.', attributes: { colours: ['Tortoiseshell', 'Black'], material: 'acetate' } },
  { sku: 'WTC-MIN-SLV', name: 'Minimalist Watch', category: 'Jewellery & Watches', price: '159.00', stock: 15, description: 'A 38 mm quartz watch with a sapphire crystal.', attributes: { colours: ['Silver', 'Gold'], material: 'stainless steel' } },
  { sku: 'JWL-EAR-GLD', name: 'Gold Hoop Earrings', category: 'Jewellery & Watches', price: '45.00', stock: 0, description: 'Small hoops in 18k gold-plated sterling silver.', attributes: { colours: ['Gold'], material: 'gold-plated silver' } },
  { sku: 'SCK-BMB-3PK', name: 'Bamboo Socks, 3 Pairs', category: 'Accessories', price: '19.00', stock: 150, description: 'Soft, breathable socks in bamboo viscose.', attributes: { sizes: ['35-38', '39-42', '43-46'], colours: ['Mixed'], material: 'bamboo viscose' } },
];

const ADDRESSES = {
  liWei: { name: 'Li Wei', line1: '88 Century Avenue, Apt 1203', city: 'Shanghai', region: 'Shanghai', postcode: '200120', country: 'CN', phone: '+86 138 0013 8000' },
  anna: { name: 'Anna Schmidt', line1: 'Torstraße 12', city: 'Berlin', postcode: '10119', country: 'DE', phone: '+49 30 1234567' },
  maria: { name: 'María García', line1: 'Calle de Alcalá 45, 3º B', city: 'Madrid', postcode: '28014', country: 'ES' },
  john: { name: 'John Smith', line1: '221B Baker Street', city: 'London', postcode: 'NW1 6XE', country: 'GB' },
  sofia: { name: 'Sofia Rossi', line1: 'Via Montenapoleone 8', city: 'Milano', region: 'MI', postcode: '20121', country: 'IT' },
  yuki: { name: 'Yuki Tanaka', line1: '2-21-1 Shibuya', city: 'Tokyo', region: 'Tokyo', postcode: '150-0002', country: 'JP' },
  pierre: { name: 'Pierre Dubois', line1: '12 Rue de Rivoli', city: 'Paris', postcode: '75004', country: 'FR' },
  minjun: { name: 'Kim Min-jun', line1: '110 Sejong-daero', city: 'Seoul', region: 'Jung-gu', postcode: '04524', country: 'KR' },
};

const CUSTOMERS = {
  liWei: { email: 'li.wei@example.com', customerName: '李伟', phone: '+86 138 0013 8000' },
  anna: { email: 'anna.schmidt@example.com', customerName: 'Anna Schmidt' },
  maria: { email: 'maria.garcia@example.com', customerName: 'María García' },
  john: { email: 'john.smith@example.com', customerName: 'John Smith' },
  sofia: { email: 'sofia.rossi@example.com', customerName: 'Sofia Rossi' },
  yuki: { email: 'yuki.tanaka@example.com', customerName: '田中由紀' },
  pierre: { email: 'pierre.dubois@example.com', customerName: 'Pierre Dubois' },
  minjun: { email: 'kim.minjun@example.com', customerName: '김민준' },
};

function line(sku: string, quantity = 1) {
  const product = PRODUCTS.find((p) => p.sku === sku);
  if (!product) throw new Error(`The demo order line names an unknown sku ${sku}.`);
  return { sku, name: product.name, quantity, unitPrice: product.price };
}

/** The demo store as a JSON import document, with times relative to `now`. */
export function demoCatalog(now: number): { products: unknown[]; orders: unknown[] } {
  const at = (offset: number) => now + offset;
  const fashion = PRODUCTS.map((p) => {
    const extras = FASHION_EXTRAS[p.sku];
    if (!extras) throw new Error(`The demo product ${p.sku} has no brand, translations and prices in demo-catalog-fashion.ts.`);
    return {
      ...p,
      currency: 'EUR',
      url: `${SHOP}/products/${p.sku.toLowerCase()}`,
      imageUrl: `${SHOP}/images/${p.sku.toLowerCase()}.jpg`,
      ...catalogueFields(extras),
    };
  });
  const sports = [...SPORTS_PRODUCTS, ...OUTDOOR_PRODUCTS].map((p: DemoSportProduct) => ({
    sku: p.sku,
    name: p.en[0],
    description: p.en[1],
    category: p.category,
    price: p.eur,
    currency: 'EUR',
    stock: p.stock,
    attributes: p.attributes ?? {},
    url: `${SHOP}/products/${p.sku.toLowerCase()}`,
    imageUrl: `${SHOP}/images/${p.sku.toLowerCase()}.jpg`,
    ...catalogueFields(p),
  }));
  const products = [...fashion, ...sports];
  const orders = [
    { orderNumber: DEMO_ORDERS.inTransit, ...CUSTOMERS.liWei, status: 'in_transit', items: [line('SWT-MER-GRY'), line('SCF-CSH-CML')], carrier: 'SF Express', trackingNumber: 'SF1234567890123', placedAt: at(-6 * DAY), shippedAt: at(-4 * DAY), expectedDeliveryAt: at(3 * DAY), shippingAddress: ADDRESSES.liWei },
    { orderNumber: 'K2V4W6', ...CUSTOMERS.liWei, status: 'delivered', items: [line('TEE-ORG-BLK', 2)], carrier: 'Cainiao', trackingNumber: 'LP00123456789012', placedAt: at(-60 * DAY), shippedAt: at(-58 * DAY), expectedDeliveryAt: at(-48 * DAY), deliveredAt: at(-49 * DAY), shippingAddress: ADDRESSES.liWei },
    { orderNumber: DEMO_ORDERS.processing, ...CUSTOMERS.anna, status: 'processing', items: [line('JKT-DEN-IND'), line('TEE-ORG-WHT', 2)], placedAt: at(-1 * DAY), expectedDeliveryAt: at(4 * DAY), shippingAddress: ADDRESSES.anna },
    { orderNumber: DEMO_ORDERS.delivered, ...CUSTOMERS.maria, status: 'delivered', items: [line('DRS-LIN-SAGE'), line('SUN-RND-TRT')], carrier: 'SEUR', trackingNumber: '15234567890123', placedAt: at(-14 * DAY), shippedAt: at(-12 * DAY), expectedDeliveryAt: at(-9 * DAY), deliveredAt: at(-9 * DAY), shippingAddress: ADDRESSES.maria },
    { orderNumber: 'J5S7T9', ...CUSTOMERS.maria, status: 'returned', items: [line('BOOT-CHL-BRN')], carrier: 'SEUR', trackingNumber: '15234567890456', placedAt: at(-40 * DAY), shippedAt: at(-38 * DAY), expectedDeliveryAt: at(-35 * DAY), deliveredAt: at(-35 * DAY), shippingAddress: ADDRESSES.maria },
    { orderNumber: DEMO_ORDERS.paid, ...CUSTOMERS.john, status: 'paid', items: [line('SNK-WHT-LTH'), line('SCK-BMB-3PK', 2)], placedAt: at(-2 * HOUR), expectedDeliveryAt: at(5 * DAY), shippingAddress: ADDRESSES.john },
    { orderNumber: 'L8X1Y3', ...CUSTOMERS.john, status: 'in_transit', items: [line('BAG-TOT-CNV')], carrier: 'DPD', trackingNumber: '05212345678901', placedAt: at(-5 * DAY), shippedAt: at(-3 * DAY), expectedDeliveryAt: at(1 * DAY), shippingAddress: ADDRESSES.john },
    { orderNumber: 'E2H4J6', ...CUSTOMERS.sofia, status: 'pending', items: [line('BAG-CRS-LTH')], placedAt: at(-30 * 60_000), shippingAddress: ADDRESSES.sofia },
    { orderNumber: 'F3K5M7', ...CUSTOMERS.yuki, status: 'shipped', items: [line('SCF-SLK-FLR'), line('HAT-BKT-BEI')], carrier: 'DHL Express', trackingNumber: '1234567890', placedAt: at(-3 * DAY), shippedAt: at(-1 * DAY), expectedDeliveryAt: at(5 * DAY), shippingAddress: ADDRESSES.yuki },
    { orderNumber: 'G6N8P1', ...CUSTOMERS.pierre, status: 'out_for_delivery', items: [line('JNS-SLM-BLU'), line('BLT-LTH-BRN')], carrier: 'Colissimo', trackingNumber: '6A12345678901', placedAt: at(-4 * DAY), shippedAt: at(-3 * DAY), expectedDeliveryAt: at(4 * HOUR), shippingAddress: ADDRESSES.pierre },
    { orderNumber: 'H9Q2R4', ...CUSTOMERS.minjun, status: 'cancelled', items: [line('WTC-MIN-SLV')], placedAt: at(-10 * DAY), shippingAddress: ADDRESSES.minjun },
  ].map((order) => ({ ...order, currency: 'EUR' }));
  return { products, orders };
}
