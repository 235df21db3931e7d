/**
 * Sends the e-mails waiting in `risk_email_outbox` (the one-time codes of risk checks) through an SMTP server with
 * nodemailer. The outbox row is written first (OutboxEmailSender), so an e-mail accepted by the chat survives a crash
 * or a mail-server outage; the relay, running in the worker, sends what is due, marks it sent, and backs off after a
 * temporary refusal (4xx, connection errors) until `maxAttempts`. A permanent refusal (5xx: unknown mailbox, relay
 * denied) gives the e-mail up at once with the reason kept on the row. One relay sends at a time across every worker
 * (a Redis lock), so an e-mail is not sent twice by two workers; a crash between the server's acceptance and the row's
 * update can still send one twice, which is why each e-mail carries a stable Message-ID (receivers drop repeats).
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Database } from '../../platform/database';
import { maskEmail } from './email-sender';

/** Settings of the relay (config `email`). */
export interface EmailRelayOptions {
  /** `smtp://user:pass@host:587` or `smtps://...`. */
  smtpUrl: string;
  /** Sender (`Name <address>`). */
  from: string;
  /** How often to look for due e-mails. @defaultValue 1000 */
  pollMs?: number;
  /** Attempts before a temporarily refused e-mail is given up. @defaultValue 8 */
  maxAttempts?: number;
  /** Wait after the first temporary refusal; doubles with each further one, at most an hour. @defaultValue 30000 */
  backoffMs?: number;
  /** E-mails per pass. @defaultValue 20 */
  batchSize?: number;
  /** Host name in the Message-ID. @defaultValue the sender's domain */
  messageIdDomain?: string;
}

/** What the relay needs. */
export interface EmailRelayDeps {
  db: Kysely<Database>;
  redis: Pick<Redis, 'set' | 'eval'>;
  keyPrefix: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The transport to send with. @defaultValue nodemailer's SMTP transport for `smtpUrl` */
  transport?: Transporter;
  now?: () => number;
}

/** What one pass did. */
export interface RelayPass {
  sent: number;
  retrying: number;
  failed: number;
  /** False when another relay held the lock (this pass did nothing). */
  ran: boolean;
}

const MAX_BACKOFF_MS = 3_600_000;
const LOCK_TTL_MS = 60_000;
const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** The SMTP reply code of a nodemailer error, when the server answered. */
function responseCode(error: unknown): number | undefined {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' ? code : undefined;
}

/** True when the mail server refused for good (5xx); connection errors and 4xx are worth another try. */
export function isPermanentRefusal(error: unknown): boolean {
  const code = responseCode(error);
  return code !== undefined && code >= 500 && code < 600;
}

/** See the file comment. */
export class EmailRelay {
  private readonly transport: Transporter;
  private readonly now: () => number;
  private readonly lockKey: string;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly deps: EmailRelayDeps,
    private readonly options: EmailRelayOptions,
  ) {
    this.transport = deps.transport ?? createTransport(options.smtpUrl);
    this.now = deps.now ?? Date.now;
    this.lockKey = `${deps.keyPrefix}email-relay:lock`;
  }

  /** Sends every due e-mail once (up to the batch size). */
  async sendDue(): Promise<RelayPass> {
    const token = randomUUID();
    const locked = await this.deps.redis.set(this.lockKey, token, 'PX', LOCK_TTL_MS, 'NX');
    if (locked !== 'OK') return { sent: 0, retrying: 0, failed: 0, ran: false };
    try {
      return await this.sendBatch();
    } finally {
      await this.deps.redis.eval(RELEASE_LOCK, 1, this.lockKey, token).catch(() => undefined);
    }
  }

  private async sendBatch(): Promise<RelayPass> {
    const now = this.now();
    const due = await this.deps.db
      .selectFrom('risk_email_outbox')
      .selectAll()
      .where('sent_at', 'is', null)
      .where('failed_at', 'is', null)
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('created_at')
      .limit(this.options.batchSize ?? 20)
      .execute();
    const pass: RelayPass = { sent: 0, retrying: 0, failed: 0, ran: true };
    for (const email of due) {
      const attempts = Number(email.attempts) + 1;
      try {
        await this.transport.sendMail({
          from: this.options.from,
          to: email.to_address,
          subject: email.subject,
          text: email.body,
          messageId: `<${email.id}@${this.options.messageIdDomain ?? senderDomain(this.options.from)}>`,
        });
        await this.deps.db.updateTable('risk_email_outbox').set({ sent_at: this.now(), attempts, last_error: null }).where('id', '=', email.id).execute();
        pass.sent++;
        this.deps.logger.info({ outboxId: email.id, to: maskEmail(email.to_address), purpose: email.purpose }, 'e-mail sent');
      } catch (error) {
        const reason = String((error as Error).message ?? error).slice(0, 500);
        const giveUp = isPermanentRefusal(error) || attempts >= (this.options.maxAttempts ?? 8);
        const backoff = Math.min(MAX_BACKOFF_MS, (this.options.backoffMs ?? 30_000) * 2 ** (attempts - 1));
        await this.deps.db
          .updateTable('risk_email_outbox')
          .set(giveUp ? { attempts, last_error: reason, failed_at: this.now() } : { attempts, last_error: reason, next_attempt_at: this.now() + backoff })
          .where('id', '=', email.id)
          .execute();
        if (giveUp) pass.failed++;
        else pass.retrying++;
        const log = { outboxId: email.id, to: maskEmail(email.to_address), attempts, reason };
        if (giveUp) this.deps.logger.error(log, 'e-mail given up (the mail server refused it)');
        else this.deps.logger.warn({ ...log, retryInMs: backoff }, 'e-mail not sent; retrying later');
      }
    }
    return pass;
  }

  /** Sends due e-mails every `pollMs` until {@link stop}. */
  start(): void {
    const tick = (): void => {
      if (this.stopped) return;
      this.running = this.sendDue()
        .catch((error: unknown) => this.deps.logger.error({ err: error }, 'e-mail relay pass failed; trying again'))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, this.options.pollMs ?? 1000).unref();
        });
    };
    tick();
  }

  /** Stops polling, lets the pass in progress finish, and closes the SMTP connections. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
    this.transport.close();
  }
}

/** `shop.example` of `Shop <no-reply@shop.example>`; `localhost` when there is none. */
function senderDomain(from: string): string {
  const match = /@([^>\s]+)>?\s*$/.exec(from);
  return match?.[1] ?? 'localhost';
}
