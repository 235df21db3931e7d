/** Examples a workspace adds to the built-in intent data (its own intents, or more wording for built-in ones). */
import type { Kysely } from 'kysely';
import { isUniqueViolation, timeOrderedId, type Database } from '../../platform/database';
import type { IntentExample } from './intent-classifier';

/** A stored example. */
export interface StoredIntentExample extends IntentExample {
  id: string;
  createdAt: number;
}

/** Reads and writes a workspace's intent examples. */
export class IntentExampleStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Adds examples; ones already stored (same intent and text) are skipped. @returns how many were new. */
  async add(workspaceId: string, examples: readonly IntentExample[]): Promise<number> {
    let added = 0;
    for (const example of examples) {
      try {
        await this.db
          .insertInto('intent_examples')
          .values({
            id: timeOrderedId(),
            workspace_id: workspaceId,
            intent: example.intent,
            language: example.language ?? null,
            text: example.text,
            created_at: Date.now(),
          })
          .execute();
        added++;
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    }
    return added;
  }

  /** Every example of a workspace, oldest first. */
  async list(workspaceId: string): Promise<StoredIntentExample[]> {
    const rows = await this.db
      .selectFrom('intent_examples')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, intent: r.intent, text: r.text, createdAt: r.created_at, ...(r.language ? { language: r.language } : {}) }));
  }

  /** Removes one example. @returns whether it existed. */
  async remove(workspaceId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('intent_examples').where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
