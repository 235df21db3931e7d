/**
 * The single place for queue names, job payload types, job ids and default job options. Producers and processors
 * import from here so a payload change is a type error on both sides.
 */
import { Queue, type ConnectionOptions, type JobsOptions } from 'bullmq';
import type { Selectable } from 'kysely';
import type { MessagesTable } from '../platform/database/tables';

/** Queue names. */
export const queueNames = {
  /** Shopper messages waiting to be understood and answered (one job per accepted message). */
  inbound: 'inbound',
  /** Messages waiting to be delivered to a channel (one job per outgoing message). */
  outbound: 'outbound',
  /** Model training runs (one job per scope and component at a time). */
  training: 'training',
  /** Knowledge-base re-indexing after publishing (one job per change, applied in order). */
  knowledge: 'knowledge',
  /** Human handoff work that talks to Slack, in order: thread posts, relayed messages, agent replies, button clicks. */
  handoff: 'handoff',
} as const;

/** Payload of a `handoff` job (processed one at a time, in order; a Slack outage delays them all, reorders none). */
export type HandoffJobData =
  | { kind: 'post-thread'; handoffId: string }
  | { kind: 'relay-shopper'; handoffId: string; messageId: string }
  | { kind: 'remind'; handoffId: string }
  | { kind: 'agent-reply'; channel: string; threadTs: string; ts: string; userId: string; text: string }
  | { kind: 'action'; action: 'claim' | 'resolve' | 'transfer'; conversationId: string; userId: string; channel: string; messageTs: string; value?: string };

/** Payload of a `knowledge` job: articles whose published texts changed in a workspace. */
export interface ReindexKnowledgeJobData {
  workspaceId: string;
  /** Slugs of the changed articles, or `all` for a full rebuild. */
  slugs: string[] | 'all';
  /** Who asked (`token:<name>`, `startup`), for the audit log. */
  requestedBy: string;
}

/** Payload of a `training` job: train a component's model for a scope. */
export interface TrainModelJobData {
  /** Workspace id, or null for the built-in model. */
  scope: string | null;
  /** Registry name of the component, e.g. `intent-classifier`. */
  component: string;
  /** Train even when the data has not changed since the live version. */
  force?: boolean;
  /**
   * `if-no-worse` (default): the new version goes live only if its held-out accuracy is no worse than the live one's.
   * `always`: for the built-in model after the shipped data changed.
   */
  promotion?: 'if-no-worse' | 'always';
  /** Who asked (an admin token name, `startup`), for the audit trail. */
  requestedBy: string;
}

/** Payload of an `inbound` job: a conversation has an accepted message to process. */
export interface InboundJobData {
  workspaceId: string;
  conversationId: string;
  messageId: string;
}

/** One stored outgoing message to deliver on its channel. */
export interface OutboundItem {
  workspaceId: string;
  conversationId: string;
  messageId: string;
  channel: string;
  /** When the shopper message this answers was accepted (epoch ms), for the reply-latency metric. */
  acceptedAt?: number;
  /**
   * The stored message as it was queued, so a first attempt needs no database read. Absent when queued by the
   * recovery sweep or an agent; retries always read the database.
   */
  message?: OutboundMessageSnapshot;
}

/**
 * Payload of an `outbound` job: messages to deliver. Replies produced within a few milliseconds of each other share
 * one job (see OutboundBatcher), because a queue job's own cost is larger than a web widget delivery's.
 */
export interface OutboundJobData {
  items: OutboundItem[];
}

/** A stored outgoing message as carried in a job (the `messages` row). */
export type OutboundMessageSnapshot = Selectable<MessagesTable>;

/**
 * Job ids derive from message ids (a batch's from its first message), so queueing the same message twice (a retry, the recovery sweep, a duplicate
 * webhook) adds one job. BullMQ forbids `:` in custom ids, hence the dash.
 */
export const jobIds = {
  inbound: (messageId: string): string => `in-${messageId}`,
  outbound: (messageId: string): string => `out-${messageId}`,
  /** Deduplication id: one waiting or running run per scope and component; asking again meanwhile adds nothing. */
  training: (scope: string | null, component: string): string => `train-${component}-${scope ?? 'builtin'}`,
};

/**
 * Queues a training run of a workspace's component, asked for through an admin route; asking again while a run of
 * the same workspace and component waits or runs returns that run (deduplicated job id).
 */
export function queueTrainingRun(
  training: Queue<TrainModelJobData>,
  run: { workspaceId: string; component: string; force?: boolean | undefined; requestedBy: string },
) {
  return training.add(
    'train-model',
    { scope: run.workspaceId, component: run.component, force: run.force, requestedBy: run.requestedBy },
    { deduplication: { id: jobIds.training(run.workspaceId, run.component) } },
  );
}

/** Name of the backoff type that honours a provider's Retry-After; workers using it pass {@link retryAfterBackoff}. */
export const RETRY_AFTER_BACKOFF = 'retry-after';

/** Longest wait between two delivery attempts, whatever a provider asks. */
const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * BullMQ backoff strategy (`settings.backoffStrategy` of a worker) for the {@link RETRY_AFTER_BACKOFF} type:
 * `delay * 2^(attempt-1)` like BullMQ's exponential backoff, but at least the `retryAfterMs` a channel error carries
 * (Slack's, WhatsApp's and the Bot Connector's 429 answers say when to come back), and at most 15 minutes.
 */
export function retryAfterBackoff(attemptsMade: number, type?: string, error?: Error, job?: { opts: { backoff?: number | { delay?: number } } }): number {
  if (type !== RETRY_AFTER_BACKOFF) return 0;
  const backoff = job?.opts.backoff;
  const base = typeof backoff === 'number' ? backoff : (backoff?.delay ?? 1000);
  const exponential = base * 2 ** Math.max(0, attemptsMade - 1);
  const asked = (error as { retryAfterMs?: unknown } | undefined)?.retryAfterMs;
  return Math.min(MAX_BACKOFF_MS, Math.max(exponential, typeof asked === 'number' && Number.isFinite(asked) ? asked : 0));
}

/** Tunables for {@link defaultJobOptions}. */
export interface JobOptionSettings {
  outboundAttempts: number;
  outboundBackoffMs: number;
}

/** Default options per queue, spelled out in one object. */
export function defaultJobOptions(settings: JobOptionSettings): Record<keyof typeof queueNames, JobsOptions> {
  const keepFailed = { age: 7 * 24 * 3600 };
  return {
    inbound: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 200 },
      removeOnComplete: true,
      removeOnFail: keepFailed,
    },
    outbound: {
      attempts: settings.outboundAttempts,
      // Exponential, but never sooner than a provider's Retry-After (see retryAfterBackoff).
      backoff: { type: RETRY_AFTER_BACKOFF, delay: settings.outboundBackoffMs },
      removeOnComplete: true,
      removeOnFail: keepFailed,
    },
    // Training is deterministic: a failure repeats, so one retry (for a crash mid-run) is enough. Finished runs are
    // kept for a day so the dashboard shows them, then removed (which also frees the job id for the next run).
    training: {
      attempts: 2,
      backoff: { type: 'fixed', delay: 5000 },
      removeOnComplete: { age: 24 * 3600, count: 100 },
      removeOnFail: keepFailed,
    },
    // Cheap and idempotent (a re-index of the same articles converges to the same index), so retried freely.
    // Slack outages are waited out (the worker pauses on 429/5xx and retries the same job first), so attempts only
    // count real failures of the job itself.
    handoff: {
      attempts: 10,
      backoff: { type: 'exponential', delay: 1000 },
      removeOnComplete: { age: 3600, count: 1000 },
      removeOnFail: keepFailed,
    },
    knowledge: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 500 },
      removeOnComplete: { age: 3600, count: 200 },
      removeOnFail: keepFailed,
    },
  };
}

/** BullMQ key prefix under the deployment's Redis prefix. */
export function bullPrefix(redisKeyPrefix: string): string {
  return `${redisKeyPrefix}:bull`;
}

/** The producer side of every queue. */
export interface Queues {
  inbound: Queue<InboundJobData>;
  outbound: Queue<OutboundJobData>;
  training: Queue<TrainModelJobData>;
  knowledge: Queue<ReindexKnowledgeJobData>;
  handoff: Queue<HandoffJobData>;
  close(): Promise<void>;
}

/** Opens the producer side of every queue on one shared connection. */
export function openQueues(connection: ConnectionOptions, redisKeyPrefix: string, settings: JobOptionSettings): Queues {
  const prefix = bullPrefix(redisKeyPrefix);
  const defaults = defaultJobOptions(settings);
  // Events streams are capped: nothing here reads old events, and an uncapped stream grows with every job.
  const streams = { events: { maxLen: 1000 } };
  const inbound = new Queue<InboundJobData>(queueNames.inbound, { connection, prefix, defaultJobOptions: defaults.inbound, streams });
  const outbound = new Queue<OutboundJobData>(queueNames.outbound, { connection, prefix, defaultJobOptions: defaults.outbound, streams });
  const training = new Queue<TrainModelJobData>(queueNames.training, { connection, prefix, defaultJobOptions: defaults.training, streams });
  const knowledge = new Queue<ReindexKnowledgeJobData>(queueNames.knowledge, { connection, prefix, defaultJobOptions: defaults.knowledge, streams });
  const handoff = new Queue<HandoffJobData>(queueNames.handoff, { connection, prefix, defaultJobOptions: defaults.handoff, streams });
  return {
    inbound,
    outbound,
    training,
    knowledge,
    handoff,
    async close() {
      await Promise.all([inbound.close(), outbound.close(), training.close(), knowledge.close(), handoff.close()]);
    },
  };
}
