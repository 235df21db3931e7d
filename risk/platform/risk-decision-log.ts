/**
 * The audit log of risk decisions (`risk_decisions`): every score the platform acted on, with the model version,
 * the reasons and the request itself. The request is kept because it is also the training data: retraining replays
 * the logged requests in time order through the same counters and features the live scorer used. A caller is
 * answered only once its row is committed (one small insert: a fraction of a millisecond on SQLite in WAL mode;
 * the 1 ms gathering window of the WriteBatcher would cost more than it saves here).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import { PreparedQuery, timeOrderedId, type Database, type RiskDecisionSource, type RiskDecisionsTable } from '../../platform/database';
import type { RiskReason } from '../explanations/plain-reasons';
import type { RiskRequest } from '../features/risk-request';
import type { RiskDecision, RiskScore } from '../scoring/risk-scorer';

/** What the chat did with a decision. */
export type ChatOutcome = 'proceed' | 'verify' | 'handoff';

/** Where a decision was made and about what. */
export interface DecisionContext {
  source: RiskDecisionSource;
  /** The store's order number the request is about. */
  orderNumber?: string;
  conversationId?: string;
  /** The shopper message that led to the scoring. */
  messageId?: string;
  outcome?: ChatOutcome;
}

/** A logged decision. */
export interface LoggedDecision extends RiskScore {
  id: string;
  workspaceId: string;
  eventId: string;
  source: RiskDecisionSource;
  action: string;
  customerId: string;
  orderNumber: string | null;
  conversationId: string | null;
  messageId: string | null;
  outcome: ChatOutcome | null;
  request: RiskRequest;
  at: number;
  createdAt: number;
}

type Row = Selectable<RiskDecisionsTable>;

function toDecision(row: Row): LoggedDecision {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    eventId: row.event_id,
    source: row.source,
    action: row.action,
    customerId: row.customer_id,
    orderNumber: row.order_number,
    conversationId: row.conversation_id,
    messageId: row.message_id,
    outcome: row.outcome as ChatOutcome | null,
    score: row.score === null ? null : Number(row.score),
    decision: row.decision as RiskDecision,
    reasons: JSON.parse(row.reasons) as RiskReason[],
    rules: JSON.parse(row.rules) as string[],
    modelVersion: row.model_version,
    request: JSON.parse(row.request) as RiskRequest,
    at: Number(row.at),
    createdAt: Number(row.created_at),
  };
}

/** The row of a decision. */
export function decisionRow(request: RiskRequest, score: RiskScore, context: DecisionContext, now: number): Row {
  return {
    id: timeOrderedId(now),
    workspace_id: request.workspaceId,
    event_id: request.eventId,
    source: context.source,
    action: request.action,
    customer_id: request.customer.id,
    order_number: context.orderNumber ?? null,
    conversation_id: context.conversationId ?? null,
    message_id: context.messageId ?? null,
    score: score.score,
    decision: score.decision,
    reasons: JSON.stringify(score.reasons),
    rules: JSON.stringify(score.rules),
    model_version: score.modelVersion,
    outcome: context.outcome ?? null,
    request: JSON.stringify(request),
    at: request.at,
    created_at: now,
  };
}

const DECISION_COLUMNS = [
  'id', 'workspace_id', 'event_id', 'source', 'action', 'customer_id', 'order_number', 'conversation_id', 'message_id',
  'score', 'decision', 'reasons', 'rules', 'model_version', 'outcome', 'request', 'at', 'created_at',
] as const satisfies ReadonlyArray<keyof Row>;

/** See the file comment. */
export class RiskDecisionLog {
  // Every scoring inserts one row: compiled once per log, for its database's dialect (Kysely's per-call build showed
  // in the scoring profile).
  private readonly insertDecision = new PreparedQuery<Row, unknown>(DECISION_COLUMNS, (db, p) => db.insertInto('risk_decisions').values(p));

  constructor(private readonly db: Kysely<Database>) {}

  /** Logs a decision; resolves with its id once it is committed. */
  async record(request: RiskRequest, score: RiskScore, context: DecisionContext, now = Date.now()): Promise<string> {
    const row = decisionRow(request, score, context, now);
    await this.insertDecision.execute(this.db, row);
    return row.id;
  }

  /** Logs many decisions at once (the demo history), in chunks. */
  async recordMany(rows: readonly Row[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 200) await this.db.insertInto('risk_decisions').values(rows.slice(i, i + 200)).execute();
  }

  /** Records what the chat did with a decision. */
  async setOutcome(id: string, outcome: ChatOutcome): Promise<void> {
    await this.db.updateTable('risk_decisions').set({ outcome }).where('id', '=', id).execute();
  }

  /**
   * The first chat decision logged for an event id (a retried chat turn finds its own decision again). API and demo
   * decisions are not looked up by event id, and only chat rows are in the index this reads (migration 0011). The
   * source is written as a literal: the index's condition then holds for any plan, including a generic one that does
   * not look at parameter values.
   */
  async findChatByEvent(workspaceId: string, eventId: string): Promise<LoggedDecision | undefined> {
    const row = await this.db
      .selectFrom('risk_decisions')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('event_id', '=', eventId)
      .where('source', '=', sql.lit('chat'))
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    return row ? toDecision(row) : undefined;
  }

  /** One decision by id. */
  async byId(id: string): Promise<LoggedDecision | undefined> {
    const row = await this.db.selectFrom('risk_decisions').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDecision(row) : undefined;
  }

  /**
   * The request an order was placed with (its latest `order` scoring), if it was scored: the device, network, payment
   * and account age the store sent then, which chat requests about the order inherit.
   */
  async purchaseRequest(workspaceId: string, orderNumber: string): Promise<RiskRequest | undefined> {
    const row = await this.db
      .selectFrom('risk_decisions')
      .select('request')
      .where('workspace_id', '=', workspaceId)
      .where('order_number', '=', orderNumber)
      .where('action', '=', 'order')
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ? (JSON.parse(row.request) as RiskRequest) : undefined;
  }

  /** The latest request about an order (any action), for the entities of a chargeback on an unscored order. */
  async latestRequestAbout(workspaceId: string, orderNumber: string): Promise<RiskRequest | undefined> {
    const row = await this.db.selectFrom('risk_decisions').select('request').where('workspace_id', '=', workspaceId).where('order_number', '=', orderNumber).orderBy('at', 'desc').limit(1).executeTakeFirst();
    return row ? (JSON.parse(row.request) as RiskRequest) : undefined;
  }

  /** The latest chat decision of a conversation (what the agents' thread shows). */
  async latestForConversation(conversationId: string): Promise<LoggedDecision | undefined> {
    const row = await this.db.selectFrom('risk_decisions').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    return row ? toDecision(row) : undefined;
  }

  /** The action of a chat decision about this message that handed the conversation to a person, if any. */
  async handedOverAt(conversationId: string, messageId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('risk_decisions')
      .select('action')
      .where('conversation_id', '=', conversationId)
      .where('message_id', '=', messageId)
      .where('outcome', '=', 'handoff')
      .executeTakeFirst();
    return row?.action;
  }

  /** A workspace's decisions, newest first (the admin API). */
  async list(workspaceId: string, options: { limit?: number; before?: number; orderNumber?: string } = {}): Promise<LoggedDecision[]> {
    let query = this.db.selectFrom('risk_decisions').selectAll().where('workspace_id', '=', workspaceId);
    if (options.before !== undefined) query = query.where('created_at', '<', options.before);
    if (options.orderNumber) query = query.where('order_number', '=', options.orderNumber);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit ?? 50).execute();
    return rows.map(toDecision);
  }

  /** Every decision of a workspace in time order (what retraining replays). */
  async allInTimeOrder(workspaceId: string): Promise<LoggedDecision[]> {
    const rows = await this.db.selectFrom('risk_decisions').selectAll().where('workspace_id', '=', workspaceId).orderBy('at').orderBy('id').execute();
    return rows.map(toDecision);
  }

  /** Whether a workspace has decisions from a source (the demo history is written once). */
  async hasSource(workspaceId: string, source: RiskDecisionSource): Promise<boolean> {
    const row = await this.db.selectFrom('risk_decisions').select('id').where('workspace_id', '=', workspaceId).where('source', '=', source).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Workspaces with at least one label, for the scheduled retraining. */
  async workspacesWithLabels(): Promise<string[]> {
    const rows = await this.db.selectFrom('risk_labels').select('workspace_id').distinct().execute();
    return rows.map((r) => r.workspace_id);
  }
}
