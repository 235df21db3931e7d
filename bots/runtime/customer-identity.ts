/**
 * One customer across channels. Every channel identity (a WhatsApp number, a web-widget session, a Bot Framework
 * user) starts as its own customer record, because a channel id alone proves nothing about who someone is. When the
 * shopper proves who they are on a channel (today: an order number together with the e-mail address on that
 * order, the check the order skills already make), the identity joins the customer who owns the order: its channel
 * identities and conversations move to that customer, the placeholder record goes, and the e-mail counts as
 * verified. From then on, on that channel, order lookups need no new proof and the customer's conversations on
 * every linked channel are one history.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database';

/** What a link did. */
export type LinkOutcome =
  /** The conversation's customer already was the owner (only the e-mail was marked verified). */
  | 'already-linked'
  /** The identities and conversations of the placeholder customer moved to the owner. */
  | 'linked'
  /**
   * Not merged: the conversation's customer has orders of its own (two real customers sharing a device or an
   * address book entry); both records stay, and the proof still holds for this conversation's dialogue.
   */
  | 'kept-apart';

/** See the file comment. */
export class CustomerIdentityService {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Joins the customer of a conversation to `ownerCustomerId`, who proved `email` is theirs (see the file comment).
   * Runs in one transaction: a crash leaves either the old or the new state.
   */
  async linkVerified(input: { workspaceId: string; customerId: string; ownerCustomerId: string; at?: number }): Promise<LinkOutcome> {
    const at = input.at ?? Date.now();
    return this.db.transaction().execute(async (trx) => {
      const owner = await trx
        .selectFrom('customers')
        .select(['id', 'display_name', 'phone', 'email_verified_at'])
        .where('id', '=', input.ownerCustomerId)
        .where('workspace_id', '=', input.workspaceId)
        .executeTakeFirst();
      if (!owner) throw new Error(`No customer ${input.ownerCustomerId} in workspace ${input.workspaceId}`);
      if (owner.email_verified_at === null) await trx.updateTable('customers').set({ email_verified_at: at }).where('id', '=', owner.id).execute();
      if (input.customerId === owner.id) return 'already-linked';
      const placeholder = await trx
        .selectFrom('customers')
        .select(['id', 'display_name', 'phone'])
        .where('id', '=', input.customerId)
        .where('workspace_id', '=', input.workspaceId)
        .executeTakeFirst();
      if (!placeholder) return 'already-linked';
      const ownOrders = await trx.selectFrom('orders').select('id').where('customer_id', '=', placeholder.id).limit(1).executeTakeFirst();
      if (ownOrders) return 'kept-apart';
      await trx.updateTable('channel_identities').set({ customer_id: owner.id }).where('customer_id', '=', placeholder.id).execute();
      await trx.updateTable('conversations').set({ customer_id: owner.id }).where('customer_id', '=', placeholder.id).execute();
      // What the channel knew (a WhatsApp profile name, a phone number) fills gaps in the owner's record.
      const fill: { display_name?: string; phone?: string } = {};
      if (!owner.display_name && placeholder.display_name) fill.display_name = placeholder.display_name;
      if (!owner.phone && placeholder.phone) fill.phone = placeholder.phone;
      if (Object.keys(fill).length) await trx.updateTable('customers').set(fill).where('id', '=', owner.id).execute();
      await trx.deleteFrom('customers').where('id', '=', placeholder.id).execute();
      return 'linked';
    });
  }

  /** The channel identities of a customer (`[{ channel, externalId }]`), oldest first. */
  async identitiesOf(customerId: string): Promise<Array<{ channel: string; externalId: string }>> {
    const rows = await this.db.selectFrom('channel_identities').select(['channel', 'external_id']).where('customer_id', '=', customerId).orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => ({ channel: row.channel, externalId: row.external_id }));
  }
}
