/**
 * The model registry every trainable component shares: numbered versions of a component's artefact per scope (a
 * workspace, or the built-in model when the workspace is null), each with its metrics, the fingerprint of the data it
 * was trained on, and a status. Exactly one version per scope is `live`; promotion and rollback swap it in one
 * transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation, timeOrderedId, type Database, type ModelVersionStatus, type ModelVersionsTable } from '../../platform/database';

/** Whose model: a workspace id, or `null` for the built-in one. */
export type ModelScope = string | null;

/** A version as the registry hands it out (artefact decoded on demand). */
export interface ModelVersion {
  id: string;
  workspaceId: string | null;
  component: string;
  version: number;
  kind: string;
  status: ModelVersionStatus;
  dataFingerprint: string;
  metrics: Record<string, unknown> | null;
  error: string | null;
  createdAt: number;
  completedAt: number | null;
  promotedAt: number | null;
}

/** Raised when a version does not exist or cannot take the requested step. */
export class ModelRegistryError extends Error {
  override name = 'ModelRegistryError';
}

type Row = Selectable<ModelVersionsTable>;

function toVersion(row: Omit<Row, 'artefact'>): ModelVersion {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    component: row.component,
    version: row.version,
    kind: row.kind,
    status: row.status,
    dataFingerprint: row.data_fingerprint,
    metrics: row.metrics ? (JSON.parse(row.metrics) as Record<string, unknown>) : null,
    error: row.error,
    createdAt: row.created_at,
    completedAt: row.completed_at,
    promotedAt: row.promoted_at,
  };
}

const columns = [
  'id', 'workspace_id', 'component', 'version', 'kind', 'status', 'data_fingerprint', 'metrics', 'error', 'created_at',
  'completed_at', 'promoted_at',
] as const;

/** Reads and writes model versions. */
export class ModelRegistry {
  constructor(private readonly db: Kysely<Database>) {}

  /** Registers a new version in `training` state with the next number of its scope. */
  async startVersion(scope: ModelScope, component: string, kind: string, dataFingerprint: string): Promise<ModelVersion> {
    for (let attempt = 0; ; attempt++) {
      const last = await this.scoped(scope, component).select((eb) => eb.fn.max('version').as('max')).executeTakeFirst();
      const row: Row = {
        id: timeOrderedId(),
        workspace_id: scope,
        component,
        version: Number(last?.max ?? 0) + 1,
        kind,
        status: 'training',
        data_fingerprint: dataFingerprint,
        metrics: null,
        error: null,
        artefact: null,
        created_at: Date.now(),
        completed_at: null,
        promoted_at: null,
      };
      try {
        await this.db.insertInto('model_versions').values(row).execute();
        return toVersion(row);
      } catch (error) {
        // Two trainers racing for the same number: the loser takes the next one.
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
  }

  /** Stores the trained artefact and metrics; the version becomes a `candidate`. */
  async completeVersion(id: string, artefact: Buffer, metrics: Record<string, unknown>): Promise<ModelVersion> {
    await this.db
      .updateTable('model_versions')
      .set({ status: 'candidate', artefact: artefact.toString('base64'), metrics: JSON.stringify(metrics), completed_at: Date.now() })
      .where('id', '=', id)
      .where('status', '=', 'training')
      .execute();
    return this.get(id);
  }

  /** Marks a version whose training failed. */
  async failVersion(id: string, error: string): Promise<void> {
    await this.db.updateTable('model_versions').set({ status: 'failed', error, completed_at: Date.now() }).where('id', '=', id).execute();
  }

  /** Marks a candidate that lost against the live version. */
  async rejectVersion(id: string, reason: string): Promise<void> {
    await this.db.updateTable('model_versions').set({ status: 'rejected', error: reason }).where('id', '=', id).execute();
  }

  /** Makes a completed version `live`; the previous live one becomes `retired`. */
  async promote(id: string): Promise<ModelVersion> {
    const target = await this.get(id);
    if (!['candidate', 'retired', 'rejected', 'live'].includes(target.status)) {
      throw new ModelRegistryError(`Version ${target.version} is ${target.status}; only a trained version can go live`);
    }
    for (let attempt = 0; ; attempt++) {
      try {
        await this.swapLive(target);
        break;
      } catch (error) {
        // Another promotion in the same scope committed first (one live version per scope is a unique index): redo
        // the swap against the state it left.
        if (!isUniqueViolation(error) || attempt >= 5) throw error;
      }
    }
    return this.get(id);
  }

  private async swapLive(target: ModelVersion): Promise<void> {
    const id = target.id;
    await this.db.transaction().execute(async (trx) => {
      let retire = trx
        .updateTable('model_versions')
        .set({ status: 'retired' })
        .where('component', '=', target.component)
        .where('status', '=', 'live')
        .where('id', '!=', id);
      retire = target.workspaceId === null ? retire.where('workspace_id', 'is', null) : retire.where('workspace_id', '=', target.workspaceId);
      await retire.execute();
      await trx.updateTable('model_versions').set({ status: 'live', promoted_at: Date.now(), error: null }).where('id', '=', id).execute();
    });
  }

  /** Puts the most recently retired version back live (the current live one becomes `retired`). */
  async rollback(scope: ModelScope, component: string): Promise<ModelVersion> {
    const live = await this.live(scope, component);
    const previous = await this.scoped(scope, component)
      .select(columns)
      .where('status', '=', 'retired')
      .orderBy('promoted_at', 'desc')
      .orderBy('version', 'desc')
      .executeTakeFirst();
    if (!previous) throw new ModelRegistryError(`No earlier ${component} version to roll back to`);
    const promoted = await this.promote(previous.id);
    if (live) await this.db.updateTable('model_versions').set({ status: 'retired' }).where('id', '=', live.id).execute();
    return promoted;
  }

  /** The live version of a scope, if any. */
  async live(scope: ModelScope, component: string): Promise<ModelVersion | undefined> {
    const row = await this.scoped(scope, component).select(columns).where('status', '=', 'live').executeTakeFirst();
    return row ? toVersion(row) : undefined;
  }

  /** One version by id. */
  async get(id: string): Promise<ModelVersion> {
    const row = await this.db.selectFrom('model_versions').select(columns).where('id', '=', id).executeTakeFirst();
    if (!row) throw new ModelRegistryError(`No model version ${id}`);
    return toVersion(row);
  }

  /** The artefact of a version. */
  async artefact(id: string): Promise<Buffer> {
    const row = await this.db.selectFrom('model_versions').select('artefact').where('id', '=', id).executeTakeFirst();
    if (!row?.artefact) throw new ModelRegistryError(`Model version ${id} has no artefact`);
    return Buffer.from(row.artefact, 'base64');
  }

  /** Versions of a scope, newest first. */
  async list(scope: ModelScope, component: string, limit = 50): Promise<ModelVersion[]> {
    const rows = await this.scoped(scope, component).select(columns).orderBy('version', 'desc').limit(limit).execute();
    return rows.map(toVersion);
  }

  private scoped(scope: ModelScope, component: string) {
    const query = this.db.selectFrom('model_versions').where('component', '=', component);
    return scope === null ? query.where('workspace_id', 'is', null) : query.where('workspace_id', '=', scope);
  }
}
