/**
 * Sending e-mail (the one-time codes of risk verification). The {@link OutboxEmailSender} writes each e-mail to the
 * `risk_email_outbox` table, durably, before the chat tells the shopper a code is on its way; the worker's SMTP relay
 * (email-relay.ts, when SMTP_URL is set) sends it from there, or an operator's own relay reads and marks it.
 */
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { timeOrderedId, type Database } from '../../platform/database';

/** One e-mail to send. */
export interface OutgoingEmail {
  workspaceId: string;
  to: string;
  subject: string;
  body: string;
  /** What it is for (`verification_code`). */
  purpose: string;
}

/** Sends e-mail; resolves once the e-mail is accepted for delivery (stored or handed to a transport). */
export interface EmailSender {
  send(email: OutgoingEmail): Promise<void>;
}

/** `a***@example.com`: enough for the shopper to recognise the address, not enough to learn it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}

/** See the file comment. */
export class OutboxEmailSender implements EmailSender {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly logger: Pick<Logger, 'info'>,
  ) {}

  async send(email: OutgoingEmail): Promise<void> {
    const now = Date.now();
    const id = timeOrderedId(now);
    await this.db
      .insertInto('risk_email_outbox')
      .values({ id, workspace_id: email.workspaceId, to_address: email.to, subject: email.subject, body: email.body, purpose: email.purpose, created_at: now, sent_at: null })
      .execute();
    this.logger.info({ outboxId: id, to: maskEmail(email.to), purpose: email.purpose }, 'e-mail stored in risk_email_outbox for the relay to send');
  }
}
