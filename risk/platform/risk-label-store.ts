/**
 * Outcomes of orders and customers (`risk_labels`): chargebacks and "not received" claims reported by the store,
 * and agents' verdicts ("fraud" / "legit"). They are what retraining learns from; a caller's own outcome id makes a
 * repeated report count once.
 */
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation, timeOrderedId, type Database, type RiskLabelKind, type RiskLabelsTable } from '../../platform/database';

/** The kinds of outcome. */
export const RISK_LABEL_KINDS = ['chargeback', 'not_received_claim', 'agent_fraud', 'agent_legit'] as const satisfies readonly RiskLabelKind[];

/** Kinds that say the order or customer was fraudulent / legitimate; a "not received" claim says neither. */
export const FRAUD_LABELS: ReadonlySet<RiskLabelKind> = new Set(['chargeback', 'agent_fraud']);
export const LEGIT_LABELS: ReadonlySet<RiskLabelKind> = new Set(['agent_legit']);

/** A recorded outcome. */
export interface RiskLabel {
  id: string;
  workspaceId: string;
  externalId: string | null;
  kind: RiskLabelKind;
  orderNumber: string | null;
  customerId: string | null;
  note: string | null;
  createdBy: string;
  at: number;
  createdAt: number;
}

/** What a caller reports. */
export interface NewRiskLabel {
  workspaceId: string;
  externalId?: string;
  kind: RiskLabelKind;
  orderNumber?: string;
  customerId?: string;
  note?: string;
  createdBy: string;
  /** When the outcome happened. @defaultValue now */
  at?: number;
}

function toLabel(row: Selectable<RiskLabelsTable>): RiskLabel {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    externalId: row.external_id,
    kind: row.kind,
    orderNumber: row.order_number,
    customerId: row.customer_id,
    note: row.note,
    createdBy: row.created_by,
    at: Number(row.at),
    createdAt: Number(row.created_at),
  };
}

/** See the file comment. */
export class RiskLabelStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores an outcome. @returns it, and whether it was new (false: reported before under the same external id). */
  async record(input: NewRiskLabel, now = Date.now()): Promise<{ label: RiskLabel; created: boolean }> {
    if (!input.orderNumber && !input.customerId) throw new RangeError('A label needs an order number or a customer id');
    if (input.externalId) {
      const existing = await this.byExternalId(input.workspaceId, input.externalId);
      if (existing) return { label: existing, created: false };
    }
    const row: Selectable<RiskLabelsTable> = {
      id: timeOrderedId(now),
      workspace_id: input.workspaceId,
      external_id: input.externalId ?? null,
      kind: input.kind,
      order_number: input.orderNumber ?? null,
      customer_id: input.customerId ?? null,
      note: input.note ?? null,
      created_by: input.createdBy,
      at: input.at ?? now,
      created_at: now,
    };
    try {
      await this.db.insertInto('risk_labels').values(row).execute();
      return { label: toLabel(row), created: true };
    } catch (error) {
      // The same outcome reported twice at once: the other call's row is the one.
      if (!isUniqueViolation(error) || !input.externalId) throw error;
      return { label: (await this.byExternalId(input.workspaceId, input.externalId))!, created: false };
    }
  }

  /** Stores many outcomes (the demo history). */
  async recordMany(labels: readonly NewRiskLabel[], now = Date.now()): Promise<void> {
    const rows = labels.map((l) => ({
      id: timeOrderedId(now),
      workspace_id: l.workspaceId,
      external_id: l.externalId ?? null,
      kind: l.kind,
      order_number: l.orderNumber ?? null,
      customer_id: l.customerId ?? null,
      note: l.note ?? null,
      created_by: l.createdBy,
      at: l.at ?? now,
      created_at: now,
    }));
    for (let i = 0; i < rows.length; i += 200) await this.db.insertInto('risk_labels').values(rows.slice(i, i + 200)).execute();
  }

  async byExternalId(workspaceId: string, externalId: string): Promise<RiskLabel | undefined> {
    const row = await this.db.selectFrom('risk_labels').selectAll().where('workspace_id', '=', workspaceId).where('external_id', '=', externalId).executeTakeFirst();
    return row ? toLabel(row) : undefined;
  }

  /** A workspace's outcomes in time order. */
  async allInTimeOrder(workspaceId: string): Promise<RiskLabel[]> {
    const rows = await this.db.selectFrom('risk_labels').selectAll().where('workspace_id', '=', workspaceId).orderBy('at').orderBy('id').execute();
    return rows.map(toLabel);
  }

  /** A workspace's outcomes, newest first (the admin API). */
  async list(workspaceId: string, limit = 50): Promise<RiskLabel[]> {
    const rows = await this.db.selectFrom('risk_labels').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toLabel);
  }
}
