/**
 * Signed tokens of product-card links (`/r/<token>`): which workspace, product, conversation and customer a card
 * was shown to, and when, under an HMAC-SHA256 of a server secret, so a click can be recorded for the right shopper
 * without a database row per card and nobody can forge clicks (or open redirects) by editing the link. The redirect
 * target is not in the token: it is the product's URL in the catalogue at click time.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Redis } from 'ioredis';

/** What a card link stands for. */
export interface ClickTarget {
  workspaceId: string;
  productId: string;
  conversationId?: string;
  customerId?: string;
  /** The channel the card was shown on (`webchat`, `whatsapp`). */
  channel?: string;
  /** Position of the card in its answer, from 1. */
  position?: number;
}

/** A verified token's contents. */
export interface VerifiedClick extends ClickTarget {
  /** When the card was shown (epoch ms). */
  issuedAt: number;
}

/** Why a token was refused. */
export class ClickTokenError extends Error {
  override readonly name = 'ClickTokenError';
}

const VERSION = 1;
/** 128 bits of the HMAC: plenty against forgery, short enough for messaging channels' link limits. */
const SIGNATURE_BYTES = 16;
const TOKEN = /^[A-Za-z0-9_-]{8,1200}\.[A-Za-z0-9_-]{22}$/;

type Wire = [version: number, workspaceId: string, productId: string, conversationId: string | null, customerId: string | null, channel: string | null, position: number | null, issuedAt: number];

/** Signs and verifies card tokens with one secret (every server and worker of a deployment must share it). */
export class ClickTokens {
  private readonly key: Buffer;

  /** @param secret at least 16 characters. */
  constructor(secret: string) {
    if (secret.length < 16) throw new ClickTokenError('The click-link secret must be at least 16 characters long (recommender.clickSecret).');
    this.key = Buffer.from(secret, 'utf8');
  }

  /**
   * The token of a card shown now.
   * @example tokens.sign({ workspaceId, productId, conversationId, customerId, channel: 'webchat', position: 2 })
   */
  sign(target: ClickTarget, issuedAt: number = Date.now()): string {
    const wire: Wire = [VERSION, target.workspaceId, target.productId, target.conversationId ?? null, target.customerId ?? null, target.channel ?? null, target.position ?? null, issuedAt];
    const payload = Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
    return `${payload}.${this.signature(payload)}`;
  }

  /**
   * The contents of a token this secret signed.
   * @throws ClickTokenError when it is malformed or its signature does not match.
   */
  verify(token: string): VerifiedClick {
    if (!TOKEN.test(token)) throw new ClickTokenError('The link token is malformed.');
    const [payload, signature] = token.split('.') as [string, string];
    const expected = Buffer.from(this.signature(payload), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new ClickTokenError('The link token is not signed by this server.');
    let wire: unknown;
    try {
      wire = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new ClickTokenError('The link token is malformed.');
    }
    if (!isWire(wire)) throw new ClickTokenError('The link token is of an unknown version.');
    const [, workspaceId, productId, conversationId, customerId, channel, position, issuedAt] = wire;
    return {
      workspaceId,
      productId,
      issuedAt,
      ...(conversationId !== null ? { conversationId } : {}),
      ...(customerId !== null ? { customerId } : {}),
      ...(channel !== null ? { channel } : {}),
      ...(position !== null ? { position } : {}),
    };
  }

  private signature(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest().subarray(0, SIGNATURE_BYTES).toString('base64url');
  }
}

function isWire(value: unknown): value is Wire {
  if (!Array.isArray(value) || value.length !== 8 || value[0] !== VERSION) return false;
  const [, workspaceId, productId, conversationId, customerId, channel, position, issuedAt] = value as unknown[];
  const optionalString = (v: unknown) => v === null || typeof v === 'string';
  return (
    typeof workspaceId === 'string' &&
    typeof productId === 'string' &&
    optionalString(conversationId) &&
    optionalString(customerId) &&
    optionalString(channel) &&
    (position === null || Number.isInteger(position)) &&
    Number.isInteger(issuedAt)
  );
}

/**
 * The event id of a click: the same link (or the same card button) clicked again within `windowMs` gives the same
 * id, so the event store keeps one. Windows are counted from when the card was shown.
 */
export function clickEventId(kind: 'link' | 'button', click: VerifiedClick, now: number, windowMs: number): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([click.workspaceId, click.productId, click.conversationId ?? null, click.customerId ?? null, click.position ?? null, click.issuedAt]))
    .digest('hex')
    .slice(0, 24);
  const window = Math.max(0, Math.floor((now - click.issuedAt) / windowMs));
  return `${kind === 'link' ? 'rcl' : 'rcb'}:${digest}:${window}`;
}

/**
 * The secret of the card links: the configured one, else one random secret created once and shared by every
 * process through Redis (so links signed by a worker verify on any server).
 */
export async function resolveClickSecret(configured: string, redis: Pick<Redis, 'set' | 'get'>, keyPrefix: string): Promise<string> {
  if (configured) return configured;
  const key = `${keyPrefix}:recommender:click-secret`;
  await redis.set(key, randomBytes(32).toString('base64url'), 'NX');
  const secret = await redis.get(key);
  if (!secret) throw new ClickTokenError(`Redis did not keep the click-link secret (${key}); set recommender.clickSecret instead.`);
  return secret;
}
