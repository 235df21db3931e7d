/** Workspaces (one store = one workspace): lookup by slug and the default one created at first start. */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation, type Database, type WorkspacesTable } from '../database';
import type { WorkspaceSettings } from './workspace-settings';

/** A workspace row. */
export type Workspace = Selectable<WorkspacesTable>;

/** Reads and creates workspaces. */
export class WorkspaceStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** The workspace with this slug, if any. */
  findBySlug(slug: string): Promise<Workspace | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('slug', '=', slug).executeTakeFirst();
  }

  /** The workspace with this id, if any. */
  /** Every workspace's id (start-up checks that run per workspace). */
  async allIds(): Promise<string[]> {
    return (await this.db.selectFrom('workspaces').select('id').orderBy('id').execute()).map((row) => row.id);
  }

  findById(id: string): Promise<Workspace | undefined> {
    return this.db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Replaces the workspace's settings (validated by the caller against `workspaceSettingsSchema`). */
  async updateSettings(id: string, settings: WorkspaceSettings): Promise<void> {
    await this.db.updateTable('workspaces').set({ settings: JSON.stringify(settings) }).where('id', '=', id).execute();
  }

  /** Returns the workspace with `slug`, creating it when missing (safe when several processes start at once). */
  async ensure(input: { slug: string; name: string; defaultLanguage: string }): Promise<{ workspace: Workspace; created: boolean }> {
    const existing = await this.findBySlug(input.slug);
    if (existing) return { workspace: existing, created: false };
    const workspace: Workspace = {
      id: randomUUID(),
      slug: input.slug,
      name: input.name,
      default_language: input.defaultLanguage,
      created_at: Date.now(),
      settings: null,
    };
    try {
      await this.db.insertInto('workspaces').values(workspace).execute();
      return { workspace, created: true };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findBySlug(input.slug);
      if (!winner) throw error;
      return { workspace: winner, created: false };
    }
  }
}
