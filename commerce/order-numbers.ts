/** Order numbers as shoppers type them (`#a1b2c3`, ` A1B2C3 `) and as the store keeps them (`A1B2C3`). */

/** Letters, digits, `-` and `_`, starting with a letter or digit; at most 64 characters. */
const ORDER_NUMBER = /^[A-Z0-9][A-Z0-9_-]{0,63}$/;

/**
 * The stored form of an order number: trimmed, without leading `#`, upper case (full-width characters typed on CJK
 * keyboards count as their ASCII twins). Undefined when what is left cannot be an order number (empty, too long,
 * spaces or other characters inside).
 * @example normalizeOrderNumber(' #a1b2c3 ') // 'A1B2C3'
 */
export function normalizeOrderNumber(input: string): string | undefined {
  const candidate = input
    .normalize('NFKC')
    .trim()
    .replace(/^#+\s*/, '')
    .toUpperCase();
  return ORDER_NUMBER.test(candidate) ? candidate : undefined;
}
