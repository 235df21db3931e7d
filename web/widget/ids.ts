/**
 * Client message ids. `crypto.randomUUID()` only exists in secure contexts (https or localhost), and a store may
 * still serve a page over plain http, so there is a fallback built on `crypto.getRandomValues`, which is
 * available everywhere. Either way the id matches the protocol's `[A-Za-z0-9_-]{1,64}`.
 */

/** The subset of Web Crypto used here (Node's global `crypto` provides it too). */
export interface RandomSource {
  randomUUID?: () => string;
  getRandomValues(array: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer>;
}

/** A new random version-4 UUID for `SendMessagePayload.clientMessageId`. */
export function newClientMessageId(source: RandomSource = globalThis.crypto): string {
  if (typeof source.randomUUID === 'function') return source.randomUUID();
  const bytes = source.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40; // version 4
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
