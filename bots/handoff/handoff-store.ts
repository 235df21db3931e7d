/**
 * Handoffs of conversations to people, on the SQL layer: opened when the bot escalates (at most one open per
 * conversation), tied to the Slack thread that carries it, claimed by an agent, resolved back to the bot.
 * State changes are compare-and-set on the status, so two agents pressing Claim at once give one claim.
 */
import type { Kysely, Selectable } from 'kysely';
import { isUniqueViolation, timeOrderedId, type Database, type HandoffsTable } from '../../platform/database';

/** A handoff as the service sees it. */
export interface Handoff {
  id: string;
  workspaceId: string;
  conversationId: string;
  status: HandoffsTable['status'];
  reason: string;
  /** What the shopper wanted when the bot handed over (an intent name), when understood. */
  intent: string | null;
  slackChannel: string | null;
  slackThreadTs: string | null;
  agent: { slackId: string; name: string; email: string | null; agentId: string | null } | null;
  createdAt: number;
  claimedAt: number | null;
  resolvedAt: number | null;
  remindedAt: number | null;
}

function toHandoff(row: Selectable<HandoffsTable>): Handoff {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    conversationId: row.conversation_id,
    status: row.status,
    reason: row.reason,
    intent: row.intent,
    slackChannel: row.slack_channel,
    slackThreadTs: row.slack_thread_ts,
    agent: row.agent_slack_id ? { slackId: row.agent_slack_id, name: row.agent_name ?? row.agent_slack_id, email: row.agent_email, agentId: row.agent_id } : null,
    createdAt: Number(row.created_at),
    claimedAt: row.claimed_at === null ? null : Number(row.claimed_at),
    resolvedAt: row.resolved_at === null ? null : Number(row.resolved_at),
    remindedAt: row.reminded_at === null ? null : Number(row.reminded_at),
  };
}

/** See the file comment. */
export class HandoffStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Opens a handoff for the conversation, or returns the open one (escalating twice does not start a second thread).
   * @returns the handoff and whether it was created now.
   */
  async open(input: { workspaceId: string; conversationId: string; reason: string; intent?: string; slackChannel: string }, now = Date.now()): Promise<{ handoff: Handoff; created: boolean }> {
    const existing = await this.openFor(input.conversationId);
    if (existing) return { handoff: existing, created: false };
    const row: Selectable<HandoffsTable> = {
      id: timeOrderedId(now),
      workspace_id: input.workspaceId,
      conversation_id: input.conversationId,
      status: 'waiting',
      reason: input.reason,
      intent: input.intent ?? null,
      slack_channel: input.slackChannel,
      slack_thread_ts: null,
      agent_id: null,
      agent_slack_id: null,
      agent_name: null,
      agent_email: null,
      created_at: now,
      claimed_at: null,
      resolved_at: null,
      reminded_at: null,
    };
    try {
      await this.db.insertInto('handoffs').values(row).execute();
      return { handoff: toHandoff(row), created: true };
    } catch (error) {
      // Two escalations of one conversation at once: the other one's handoff is the one.
      if (!isUniqueViolation(error)) throw error;
      return { handoff: (await this.openFor(input.conversationId))!, created: false };
    }
  }

  /** The conversation's open (waiting or claimed) handoff. */
  async openFor(conversationId: string): Promise<Handoff | undefined> {
    const row = await this.db.selectFrom('handoffs').selectAll().where('conversation_id', '=', conversationId).where('status', '<>', 'resolved').executeTakeFirst();
    return row ? toHandoff(row) : undefined;
  }

  /** The handoff a Slack thread carries. */
  async byThread(channel: string, threadTs: string): Promise<Handoff | undefined> {
    const row = await this.db.selectFrom('handoffs').selectAll().where('slack_channel', '=', channel).where('slack_thread_ts', '=', threadTs).orderBy('created_at', 'desc').executeTakeFirst();
    return row ? toHandoff(row) : undefined;
  }

  async byId(id: string): Promise<Handoff | undefined> {
    const row = await this.db.selectFrom('handoffs').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toHandoff(row) : undefined;
  }

  /** Records where the thread's root message was posted (also after a transfer to another channel). */
  async setThread(id: string, channel: string, threadTs: string): Promise<void> {
    await this.db.updateTable('handoffs').set({ slack_channel: channel, slack_thread_ts: threadTs }).where('id', '=', id).execute();
  }

  /**
   * An agent takes the handoff. A waiting one is claimed; a claimed one can be taken over (the new agent replaces the
   * old). @returns the updated handoff, or undefined when it was already resolved.
   */
  async claim(id: string, agent: { slackId: string; name: string; email: string | null }, now = Date.now()): Promise<Handoff | undefined> {
    const handoff = await this.byId(id);
    const agentId = handoff && agent.email ? await this.agentFor(handoff.workspaceId, agent, now) : null;
    const updated = await this.db
      .updateTable('handoffs')
      .set({ status: 'claimed', agent_id: agentId, agent_slack_id: agent.slackId, agent_name: agent.name, agent_email: agent.email, claimed_at: now })
      .where('id', '=', id)
      .where('status', '<>', 'resolved')
      .executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1 ? this.byId(id) : undefined;
  }

  /** Hands the conversation back to the bot. @returns the handoff, or undefined when it was already resolved. */
  async resolve(id: string, now = Date.now()): Promise<Handoff | undefined> {
    const updated = await this.db.updateTable('handoffs').set({ status: 'resolved', resolved_at: now }).where('id', '=', id).where('status', '<>', 'resolved').executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1 ? this.byId(id) : undefined;
  }

  /** Waiting handoffs created before `olderThan` and not reminded yet (for "nobody claimed it in time"). */
  async unclaimedSince(olderThan: number, limit = 100): Promise<Handoff[]> {
    const rows = await this.db
      .selectFrom('handoffs')
      .selectAll()
      .where('status', '=', 'waiting')
      .where('created_at', '<', olderThan)
      .where('reminded_at', 'is', null)
      .orderBy('created_at')
      .limit(limit)
      .execute();
    return rows.map(toHandoff);
  }

  /** Every handoff still waiting for a person, oldest first. */
  async waiting(limit = 50): Promise<Handoff[]> {
    const rows = await this.db.selectFrom('handoffs').selectAll().where('status', '=', 'waiting').orderBy('created_at').limit(limit).execute();
    return rows.map(toHandoff);
  }

  /** Marks the reminder as sent; false when another process sent it first. */
  async markReminded(id: string, now = Date.now()): Promise<boolean> {
    const updated = await this.db.updateTable('handoffs').set({ reminded_at: now }).where('id', '=', id).where('reminded_at', 'is', null).where('status', '=', 'waiting').executeTakeFirst();
    return Number(updated.numUpdatedRows) === 1;
  }

  /** How long the workspace's recent handoffs waited to be claimed (ms), newest first. */
  async recentClaimWaits(workspaceId: string, since: number, limit = 50): Promise<number[]> {
    const rows = await this.db
      .selectFrom('handoffs')
      .select(['created_at', 'claimed_at'])
      .where('workspace_id', '=', workspaceId)
      .where('claimed_at', 'is not', null)
      .where('created_at', '>=', since)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => Number(r.claimed_at) - Number(r.created_at));
  }

  /**
   * The workspace's agent with this e-mail (case-insensitive), created on first contact, its name and Slack id kept
   * current. @returns its id.
   */
  async agentFor(workspaceId: string, agent: { slackId: string; name: string; email: string | null }, now = Date.now()): Promise<string | null> {
    if (!agent.email) return null;
    const email = agent.email.trim().toLowerCase();
    const existing = await this.db.selectFrom('agents').select('id').where('workspace_id', '=', workspaceId).where('email', '=', email).executeTakeFirst();
    if (existing) {
      await this.db.updateTable('agents').set({ display_name: agent.name, slack_user_id: agent.slackId, last_seen_at: now }).where('id', '=', existing.id).execute();
      return existing.id;
    }
    const id = timeOrderedId(now);
    try {
      await this.db.insertInto('agents').values({ id, workspace_id: workspaceId, email, display_name: agent.name, slack_user_id: agent.slackId, created_at: now, last_seen_at: now }).execute();
      return id;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await this.db.selectFrom('agents').select('id').where('workspace_id', '=', workspaceId).where('email', '=', email).executeTakeFirstOrThrow()).id;
    }
  }

  /**
   * Keeps the e-mail address a waiting shopper left for a reply on their customer record. A verified address (one
   * the shopper proved, see migration 0006) is never replaced by an unverified one.
   * @returns whether the record changed.
   */
  async setContactEmail(customerId: string, email: string): Promise<boolean> {
    const result = await this.db
      .updateTable('customers')
      .set({ email })
      .where('id', '=', customerId)
      .where('email_verified_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
