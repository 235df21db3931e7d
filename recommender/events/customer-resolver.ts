/**
 * Who an event is about, as a customer of the workspace: a given customer id is checked to belong to the workspace;
 * an e-mail address finds the customer that has it (commerce's rule: the one with orders, else the oldest) or creates
 * one, so that the shopper's storefront history joins their chats and orders (the chat links a shopper who proves
 * that address to the same customer). Answers are kept in a bounded in-memory map: a busy storefront names the same
 * shoppers over and over, and a customer id, once seen, stays valid (customers are only removed when merged, and
 * {@link CustomerResolver.forget} is told then).
 */
import { timeOrderedId, type WriteBatcher } from '../../platform/database';
import type { CommerceStore } from '../../commerce';

/** Entries kept per resolver (customer ids and e-mail addresses of all workspaces together). */
const DEFAULT_CAPACITY = 50_000;

/** See the file comment. */
export class CustomerResolver {
  private readonly known = new Map<string, string>();
  private readonly resolving = new Map<string, Promise<string>>();

  constructor(
    private readonly commerce: CommerceStore,
    private readonly writes: WriteBatcher,
    private readonly capacity = DEFAULT_CAPACITY,
  ) {}

  /** True when the customer id belongs to the workspace. */
  async exists(workspaceId: string, customerId: string): Promise<boolean> {
    const key = `id|${workspaceId}|${customerId}`;
    if (this.known.has(key)) return true;
    const customer = await this.commerce.getCustomer(workspaceId, customerId);
    if (customer) this.remember(key, customer.id);
    return customer !== undefined;
  }

  /** The customer with this (normalised, lower-case) e-mail address, created when the workspace has none. */
  forEmail(workspaceId: string, email: string): Promise<string> {
    const key = `email|${workspaceId}|${email}`;
    const cached = this.known.get(key);
    if (cached) return Promise.resolve(cached);
    // Events of one shopper arrive together (a batch, concurrent requests): one look-up, one creation at most.
    const running = this.resolving.get(key);
    if (running) return running;
    const resolving = this.resolveEmail(workspaceId, email, key).finally(() => this.resolving.delete(key));
    this.resolving.set(key, resolving);
    return resolving;
  }

  private async resolveEmail(workspaceId: string, email: string, key: string): Promise<string> {
    let id = (await this.commerce.findCustomerByEmail(workspaceId, email))?.id;
    if (!id) {
      id = await this.writes.run(async (trx) => {
        // Looked up again inside the write: another request may have created it meanwhile (same process; across
        // processes a rare twin row is possible, and commerce's rule picks the oldest consistently).
        const again = await trx
          .selectFrom('customers')
          .select('id')
          .where('workspace_id', '=', workspaceId)
          .where('email', '=', email)
          .orderBy('created_at')
          .orderBy('id')
          .executeTakeFirst();
        if (again) return again.id;
        const created = timeOrderedId();
        await trx
          .insertInto('customers')
          .values({ id: created, workspace_id: workspaceId, display_name: null, email, phone: null, created_at: Date.now(), email_verified_at: null })
          .execute();
        return created;
      });
    }
    this.remember(key, id);
    this.remember(`id|${workspaceId}|${id}`, id);
    return id;
  }

  /** Forgets a customer that was removed (merged into another one). */
  forget(workspaceId: string, customerId: string): void {
    for (const [key, value] of this.known) {
      if (value === customerId && key.includes(`|${workspaceId}|`)) this.known.delete(key);
    }
  }

  private remember(key: string, id: string): void {
    this.known.delete(key);
    this.known.set(key, id);
    if (this.known.size > this.capacity) this.known.delete(this.known.keys().next().value as string);
  }
}
