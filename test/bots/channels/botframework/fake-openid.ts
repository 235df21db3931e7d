/**
 * A stand-in for the Bot Connector's token signing on loopback: an OpenID metadata document and its key set (what
 * `https://login.botframework.com/v1/.well-known/openidconfiguration` serves), and a signer for Bot Connector tokens
 * (RS256 JWTs with the service's issuer). Tokens signed with {@link FakeOpenIdService.sign} are what the real service
 * would send; {@link forge} signs with a key the service never published.
 */
import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The issuer of tokens the Bot Connector service signs. */
export const BOT_CONNECTOR_ISSUER = 'https://api.botframework.com';

/** The signing key the fake publishes. */
export const PUBLISHED_KEY_ID = 'fake-bot-connector-key';

const base64url = (input: Buffer | string): string => Buffer.from(input).toString('base64url');

/** An RS256 JWT over `claims`, signed with `privateKey` and naming `kid`. */
export function signJwt(claims: Record<string, unknown>, privateKey: KeyObject, kid: string): string {
  const signingInput = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey);
  return `${signingInput}.${base64url(signature)}`;
}

/** A token signed with a fresh key nobody published, claiming to be the Bot Connector's. */
export function forge(claims: Record<string, unknown>, kid = PUBLISHED_KEY_ID): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return signJwt(claims, privateKey, kid);
}

/** The fake service; see the file comment. */
export class FakeOpenIdService {
  /** Paths requested, in order. */
  readonly requests: string[] = [];
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;

  constructor(private readonly endorsements: string[]) {}

  /** The OpenID metadata URL (`ToBotFromChannelOpenIdMetadataUrl`). */
  get metadataUrl(): string {
    return `${this.base()}/v1/.well-known/openidconfiguration`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: BOT_CONNECTOR_ISSUER, jwks_uri: `${this.base()}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/v1/.well-known/keys') {
        res.end(JSON.stringify({ keys: [{ ...this.keys.publicKey.export({ format: 'jwk' }), kid: PUBLISHED_KEY_ID, use: 'sig', endorsements: this.endorsements }] }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A token as the Bot Connector signs it for `appId`, valid for an hour; `claims` override the defaults. */
  sign(appId: string, serviceUrl: string, claims: Record<string, unknown> = {}): string {
    const now = Math.floor(Date.now() / 1000);
    return signJwt({ iss: BOT_CONNECTOR_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims }, this.keys.privateKey, PUBLISHED_KEY_ID);
  }

  private base(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeOpenIdService is not started');
    return `http://127.0.0.1:${address.port}`;
  }
}
