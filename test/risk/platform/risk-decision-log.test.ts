import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type Kysely, type KyselyPlugin } from 'kysely';
import { migrateToLatest, openDatabase, type Database, type DatabaseHandle } from '../../../platform/database';
import * as partialIndexes from '../../../platform/database/migrations/0011-risk-decision-partial-indexes';
import { WorkspaceStore } from '../../../platform/workspaces';
import type { RiskRequest } from '../../../risk/features/risk-request';
import { RiskDecisionLog, type DecisionContext } from '../../../risk/platform/risk-decision-log';
import type { RiskScore } from '../../../risk/scoring/risk-scorer';
import { engines, type TestDatabase } from '../../support/databases';

const SCORE: RiskScore = { score: 0.42, decision: 'review', reasons: [{ code: 'account_age', text: 'a new account' }], modelVersion: 'xgboost-test', rules: [] };

describe.each(engines)('RiskDecisionLog on %s', (engine, createDatabase: () => Promise<TestDatabase>) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let workspaceId: string;
  /** Every query the log ran, compiled for this engine. */
  const ran: CompiledQuery[] = [];
  let log: RiskDecisionLog;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    workspaceId = (await new WorkspaceStore(handle.db).ensure({ slug: 'decision-log', name: 'Decision log', defaultLanguage: 'en' })).workspace.id;
    const capture: KyselyPlugin = {
      transformQuery: (args) => {
        ran.push(handle.db.getExecutor().compileQuery(args.node, args.queryId));
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    log = new RiskDecisionLog(handle.db.withPlugin(capture));
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  function request(eventId: string, at = Date.now()): RiskRequest {
    return { workspaceId, action: 'change_address', eventId, at, customer: { id: 'c-1', createdAt: at - 86_400_000 } };
  }

  /** The database's plan of the last query the log ran, as text. */
  async function planOfLastQuery(): Promise<string> {
    const query = ran.at(-1)!;
    if (engine === 'SQLite') {
      const plan = await handle.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`explain query plan ${query.sql}`, [...query.parameters]));
      return plan.rows.map((row) => row.detail).join('\n');
    }
    // A handful of rows: PostgreSQL would scan the table whatever the indexes; without sequential scans it shows
    // whether an index can answer the query at all.
    return handle.db.transaction().execute(async (trx: Kysely<Database>) => {
      await sql`set local enable_seqscan = off`.execute(trx);
      const plan = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`explain ${query.sql}`, [...query.parameters]));
      return plan.rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  }

  it('finds the first chat decision of an event id, not an API decision that shares it', async () => {
    const eventId = `chat-${randomUUID()}`;
    const conversationId = randomUUID();
    const api = await log.record(request(eventId), SCORE, { source: 'api' }, 1_000);
    const first = await log.record(request(eventId), SCORE, { source: 'chat', conversationId, messageId: randomUUID() }, 2_000);
    await log.record(request(eventId), SCORE, { source: 'chat', conversationId, messageId: randomUUID() }, 3_000);

    const found = await log.findChatByEvent(workspaceId, eventId);

    expect(found?.id).toBe(first);
    expect(found?.id).not.toBe(api);
    expect(found).toMatchObject({ source: 'chat', conversationId, score: 0.42, modelVersion: 'xgboost-test' });
    expect(await log.findChatByEvent(workspaceId, `chat-${randomUUID()}`)).toBeUndefined();
  });

  it('answers chat look-ups from the partial indexes of migration 0011', async () => {
    const conversationId = randomUUID();
    const messageId = randomUUID();
    const context: DecisionContext = { source: 'chat', conversationId, messageId, outcome: 'handoff' };
    const eventId = `chat-${randomUUID()}`;
    await log.record(request(eventId), SCORE, context);

    await log.findChatByEvent(workspaceId, eventId);
    expect(await planOfLastQuery()).toContain('risk_decisions_by_chat_event');

    expect((await log.latestForConversation(conversationId))?.conversationId).toBe(conversationId);
    expect(await planOfLastQuery()).toContain('risk_decisions_by_conversation');

    expect(await log.handedOverAt(conversationId, messageId)).toBe('change_address');
    expect(await planOfLastQuery()).toContain('risk_decisions_by_conversation');
  });

  it('keeps API decisions out of the two chat indexes (their definitions are partial)', async () => {
    const definitions = await indexDefinitions();
    // PostgreSQL keeps its own rendering: WHERE ((source)::text = 'chat'::text).
    expect(definitions.get('risk_decisions_by_chat_event')).toMatch(/ where .*\bsource\b.*= *'chat'/i);
    expect(definitions.get('risk_decisions_by_conversation')).toMatch(/ where .*\bconversation_id\b"?\)? is not null/i);
    expect(definitions.has('risk_decisions_by_event')).toBe(false);
    // The other two still hold every decision (the admin's order filter, retraining in time order).
    expect(definitions.get('risk_decisions_by_order')).not.toMatch(/ where /i);
    expect(definitions.get('risk_decisions_by_time')).not.toMatch(/ where /i);
  });

  it('reverts to the full indexes and applies again', async () => {
    await partialIndexes.down(handle.db as never);
    const reverted = await indexDefinitions();
    expect(reverted.has('risk_decisions_by_event')).toBe(true);
    expect(reverted.get('risk_decisions_by_conversation')).not.toMatch(/where/i);
    await partialIndexes.up(handle.db as never);
    const applied = await indexDefinitions();
    expect(applied.has('risk_decisions_by_event')).toBe(false);
    expect(applied.get('risk_decisions_by_chat_event')).toMatch(/'chat'/);
  });

  /** The definitions of risk_decisions' indexes by name, as the database keeps them. */
  async function indexDefinitions(): Promise<Map<string, string>> {
    const rows =
      engine === 'SQLite'
        ? (await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master where type = 'index' and tbl_name = 'risk_decisions' and sql is not null`.execute(handle.db)).rows
        : (await sql<{ name: string; definition: string }>`select indexname as name, indexdef as definition from pg_indexes where tablename = 'risk_decisions'`.execute(handle.db)).rows;
    return new Map(rows.map((row) => [row.name, row.definition]));
  }
});
