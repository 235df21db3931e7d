/**
 * CSV files -> the JSON-shaped products and orders that import-records.ts validates, remembering the file row each
 * came from so that every problem is reported as "row 7, column unit_price".
 *
 * Products: one row per product, header `sku,name,description,category,price,currency,stock` plus optional `url`,
 * `image_url`, `attributes` (a JSON object) and `attr_<name>` columns (`attr_sizes` = `S|M|L` becomes a list), and
 * for the recommender's catalogue `brand`, `language` (of name and description), `active` (true/false),
 * `ships_to` (`DE|FR|ES`; an empty cell: everywhere), `name_<language>` / `description_<language>` (translations,
 * e.g. `name_es`) and `price_<currency>` (prices in other currencies, e.g. `price_usd`). A file without translation,
 * price or `ships_to` columns leaves those of existing products as they are.
 * Orders: one row per order line, header `order_number,email,customer_name,status,currency,sku,quantity,unit_price,
 * carrier,tracking_number,placed_at,expected_delivery_at,ship_name,ship_line1,ship_postcode,ship_city,ship_country`
 * plus optional `phone,item_name,total,shipped_at,delivered_at,ship_line2,ship_region,ship_phone`; the rows of one
 * order share its order-level columns.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { ImportIssue } from './commerce-errors';
import type { FieldIssue } from './import-records';
import { normalizeOrderNumber } from './order-numbers';

/** A JSON-shaped record and where it came from. */
export interface CsvRecord {
  /** The file row (line) where the record starts; the header is row 1. */
  row: number;
  input: Record<string, unknown>;
  /** Maps a problem of `input` back to the file's row and column. */
  locate(issue: FieldIssue): { row: number; field: string };
}

/** Records found in a file, and problems found before validation (header, CSV syntax, conflicting rows). */
export interface CsvRecords {
  records: CsvRecord[];
  issues: ImportIssue[];
}

const PRODUCT_COLUMNS = {
  required: ['sku', 'name', 'price', 'currency'],
  optional: ['description', 'category', 'stock', 'url', 'image_url', 'attributes', 'brand', 'language', 'active', 'ships_to'],
  prefixes: ['attr_', 'name_', 'description_', 'price_'],
};
/** Cells of the `active` column read as booleans; anything else is passed on for validation to name. */
const BOOLEAN_CELLS: Record<string, boolean> = { true: true, yes: true, '1': true, false: false, no: false, '0': false };
const ORDER_LINE_COLUMNS = ['sku', 'quantity', 'unit_price', 'item_name'];
const ORDER_COLUMNS = {
  required: ['order_number', 'email', 'status', 'currency', 'sku', 'quantity', 'unit_price', 'placed_at'],
  optional: [
    'customer_name', 'phone', 'item_name', 'total', 'carrier', 'tracking_number', 'shipped_at', 'expected_delivery_at',
    'delivered_at', 'ship_name', 'ship_line1', 'ship_line2', 'ship_postcode', 'ship_city', 'ship_region', 'ship_country',
    'ship_phone',
  ],
};
/** JSON field -> CSV column where the names differ. */
const ORDER_FIELD_COLUMNS: Record<string, string> = {
  orderNumber: 'order_number',
  customerName: 'customer_name',
  trackingNumber: 'tracking_number',
  placedAt: 'placed_at',
  shippedAt: 'shipped_at',
  expectedDeliveryAt: 'expected_delivery_at',
  deliveredAt: 'delivered_at',
  unitPrice: 'unit_price',
  name: 'item_name',
};

type Row = { row: number; values: Record<string, string> };

/** Columns whose spelling may differ between the rows of one order without meaning something else. */
function canonical(column: string, value: string): string {
  switch (column) {
    case 'order_number':
      return normalizeOrderNumber(value) ?? value;
    case 'status':
      return value.toLowerCase().replace(/[\s-]+/g, '_');
    case 'email':
    case 'currency':
    case 'ship_country':
      return value.toLowerCase();
    default:
      return value;
  }
}

/** Parses the file; a syntax error or a bad header ends it with issues and no rows. */
function readRows(
  text: string,
  section: ImportIssue['section'],
  columns: { required: string[]; optional: string[]; prefixes?: string[] },
): { rows: Row[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const header: string[] = [];
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (names: string[]) => {
        header.push(...names.map((name) => name.trim().toLowerCase()));
        return header;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    return { rows: [], issues: [{ section, row: line ?? 0, field: '', message: `The file is not valid CSV: ${error.message}` }] };
  }
  const known = new Set([...columns.required, ...columns.optional]);
  const seen = new Set<string>();
  for (const name of header) {
    if (seen.has(name)) issues.push({ section, row: 1, field: name, message: 'appears twice in the header' });
    seen.add(name);
    const prefixed = (columns.prefixes ?? []).some((prefix) => name.startsWith(prefix) && name.length > prefix.length);
    if (!known.has(name) && !prefixed) {
      const hint = columns.prefixes?.includes('attr_') ? '; put extra attributes in attr_<name> columns' : '';
      issues.push({ section, row: 1, field: name || '(empty)', message: `is not a known column (known: ${[...known].join(', ')}${hint})` });
    }
  }
  for (const name of columns.required) {
    if (header.length && !seen.has(name)) issues.push({ section, row: 1, field: name, message: 'is a required column and is missing from the header' });
  }
  if (!header.length) issues.push({ section, row: 1, field: '', message: 'The file is empty; the first row must be the header.' });
  if (issues.length) return { rows: [], issues };
  // csv-parse counts the line where a record ends; a quoted cell spanning lines moves that past where it starts.
  const startLine = (record: Record<string, string>, end: number) =>
    end - Object.values(record).reduce((sum, value) => sum + (value.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  return { rows: records.map(({ record, info }) => ({ row: startLine(record, info.lines), values: record })), issues };
}

/** A whole number stays a number; anything else is passed on as text for validation to name. */
function integerOrText(value: string): number | string {
  return /^-?\d{1,15}$/.test(value) ? Number(value) : value;
}

/** Drops empty cells so that they read as "not given". */
function present(entries: Array<[string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, value]) => value !== '' && value !== undefined));
}

/** Products CSV -> one record per row. */
export function productsFromCsv(text: string): CsvRecords {
  const { rows, issues } = readRows(text, 'products', PRODUCT_COLUMNS);
  const records: CsvRecord[] = [];
  for (const { row, values } of rows) {
    const catalogue = catalogueCells(values);
    let attributes: Record<string, unknown> = {};
    if (values.attributes) {
      try {
        const parsed: unknown = JSON.parse(values.attributes);
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('not an object');
        attributes = parsed as Record<string, unknown>;
      } catch {
        issues.push({ section: 'products', row, field: 'attributes', message: 'must be a JSON object such as {"material":"cotton"}' });
        continue;
      }
    }
    for (const [column, value] of Object.entries(values)) {
      if (!column.startsWith('attr_') || value === '') continue;
      attributes[column.slice('attr_'.length)] = value.includes('|') ? value.split('|').map((part) => part.trim()).filter(Boolean) : value;
    }
    const input = present([
      ['sku', values.sku],
      ['name', values.name],
      ['description', values.description],
      ['category', values.category],
      ['price', values.price],
      ['currency', values.currency],
      ['stock', values.stock ? integerOrText(values.stock) : undefined],
      ['url', values.url],
      ['imageUrl', values.image_url],
      ['attributes', Object.keys(attributes).length ? attributes : undefined],
      ['brand', values.brand],
      ['language', values.language],
      ['active', values.active ? (BOOLEAN_CELLS[values.active.toLowerCase()] ?? values.active) : undefined],
    ]);
    Object.assign(input, catalogue);
    records.push({ row, input, locate: (issue) => ({ row, field: productColumn(issue.field) }) });
  }
  return { records, issues };
}

/**
 * The catalogue extensions of a product row: `shipsTo` when the file has a `ships_to` column (an empty cell means
 * everywhere), `translations` when it has `name_<language>`/`description_<language>` columns, `prices` when it has
 * `price_<currency>` columns. A file without such columns gives none, and products keep what they have.
 */
function catalogueCells(values: Record<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if ('ships_to' in values) {
    const countries = (values.ships_to ?? '').split(/[|,;\s]+/).filter(Boolean);
    out.shipsTo = countries.length ? countries : null;
  }
  const translations: Record<string, Record<string, string>> = {};
  let hasTranslationColumns = false;
  const prices: Record<string, string> = {};
  let hasPriceColumns = false;
  for (const [column, value] of Object.entries(values)) {
    const text = /^(name|description)_(.+)$/.exec(column);
    if (text?.[1] && text[2]) {
      hasTranslationColumns = true;
      if (value !== '') (translations[text[2]] ??= {})[text[1]] = value;
    } else if (column.startsWith('price_')) {
      hasPriceColumns = true;
      if (value !== '') prices[column.slice('price_'.length).toUpperCase()] = value;
    }
  }
  if (hasTranslationColumns) out.translations = translations;
  if (hasPriceColumns) out.prices = prices;
  return out;
}

/** The products file's column of a field of the JSON-shaped product (`translations.es.name` -> `name_es`). */
function productColumn(field: string): string {
  const [head, key, leaf] = field.split('.');
  switch (head) {
    case 'imageUrl':
      return 'image_url';
    case 'attributes':
      return 'attributes';
    case 'shipsTo':
      return 'ships_to';
    case 'translations':
      return key ? `${leaf === 'description' ? 'description' : 'name'}_${key}` : 'name_*';
    case 'prices':
      return key ? `price_${key.toLowerCase()}` : 'price_*';
    default:
      return field;
  }
}

/** Orders CSV (one row per line) -> one record per order. */
export function ordersFromCsv(text: string): CsvRecords {
  const { rows, issues } = readRows(text, 'orders', ORDER_COLUMNS);
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = normalizeOrderNumber(row.values.order_number ?? '') ?? (row.values.order_number ?? '').toUpperCase();
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  const records: CsvRecord[] = [];
  for (const lines of groups.values()) {
    const first = lines[0] as Row;
    // Order-level cells: the first non-empty value of each column; a different value on a later row is an error.
    const order: Record<string, string> = {};
    const from: Record<string, number> = {};
    for (const { row, values } of lines) {
      for (const [column, value] of Object.entries(values)) {
        if (ORDER_LINE_COLUMNS.includes(column) || value === '') continue;
        const earlier = order[column];
        if (earlier === undefined) {
          order[column] = value;
          from[column] = row;
        } else if (canonical(column, earlier) !== canonical(column, value)) {
          issues.push({ section: 'orders', row, field: column, message: `is "${value}" but "${earlier}" on row ${from[column]} of the same order` });
        }
      }
    }
    const address = present([
      ['name', order.ship_name],
      ['line1', order.ship_line1],
      ['line2', order.ship_line2],
      ['postcode', order.ship_postcode],
      ['city', order.ship_city],
      ['region', order.ship_region],
      ['country', order.ship_country],
      ['phone', order.ship_phone],
    ]);
    const input = present([
      ['orderNumber', order.order_number],
      ['email', order.email],
      ['customerName', order.customer_name],
      ['phone', order.phone],
      ['status', order.status],
      ['currency', order.currency],
      ['total', order.total],
      ['carrier', order.carrier],
      ['trackingNumber', order.tracking_number],
      ['placedAt', order.placed_at],
      ['shippedAt', order.shipped_at],
      ['expectedDeliveryAt', order.expected_delivery_at],
      ['deliveredAt', order.delivered_at],
      ['shippingAddress', Object.keys(address).length ? address : undefined],
      [
        'items',
        lines.map(({ values }) =>
          present([
            ['sku', values.sku],
            ['name', values.item_name],
            ['quantity', values.quantity ? integerOrText(values.quantity) : undefined],
            ['unitPrice', values.unit_price],
          ]),
        ),
      ],
    ]);
    records.push({
      row: first.row,
      input,
      locate: (issue) => {
        const [head, index, leaf] = issue.field.split('.');
        if (head === 'items' && index !== undefined && leaf !== undefined) {
          return { row: lines[Number(index)]?.row ?? first.row, field: ORDER_FIELD_COLUMNS[leaf] ?? leaf };
        }
        if (head === 'shippingAddress') return { row: first.row, field: index ? `ship_${index}` : 'ship_line1' };
        const column = head ? (ORDER_FIELD_COLUMNS[head] ?? head) : '';
        return { row: from[column] ?? first.row, field: column };
      },
    });
  }
  return { records, issues };
}
