/**
 * Pure mapping of Slack's raw payloads (Events API callbacks, interactive `block_actions`, slash commands) to the
 * transport's own shapes, and the keys that identify one delivery across Slack's retries. No I/O here.
 */
import { z } from 'zod';
import type { SlackHandoffAction, SlackHandoffActionType, SlackSlashCommand, SlackThreadMessage } from './slack-types';

/** `action_id`s of the handoff message's controls, and what each asks for. */
export const HANDOFF_ACTION_IDS = {
  handoff_claim: 'claim',
  handoff_resolve: 'resolve',
  handoff_transfer: 'transfer',
} as const satisfies Record<string, SlackHandoffActionType>;

/** Prefix of the `block_id` of a handoff message's actions block; the conversation id follows it. */
export const HANDOFF_BLOCK_PREFIX = 'handoff:';

// Written by agents at the start of a thread reply to keep it from the shopper (Chatwoot's `note:` convention).
const NOTE_PREFIX = /^\s*(note|private)\s*:\s*/i;

// Subtypes that are still a person writing: a reply also shown in the channel, a reply with a file.
const HUMAN_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

const messageEventSchema = z.object({
  type: z.literal('event_callback'),
  team_id: z.string(),
  event: z.object({
    type: z.literal('message'),
    subtype: z.string().optional(),
    channel: z.string(),
    user: z.string().optional(),
    bot_id: z.string().optional(),
    text: z.string().optional(),
    ts: z.string(),
    thread_ts: z.string().optional(),
  }),
});

/**
 * The human reply in a thread carried by an Events API callback, or `undefined` for anything else: top-level
 * channel messages, the thread root itself, bot messages (our own relays included), edits, deletions, joins.
 */
export function toThreadMessage(body: unknown): SlackThreadMessage | undefined {
  const parsed = messageEventSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const { event, team_id: teamId } = parsed.data;
  if (!HUMAN_SUBTYPES.has(event.subtype) || event.bot_id || !event.user) return undefined;
  if (!event.thread_ts || event.thread_ts === event.ts) return undefined;
  const raw = event.text ?? '';
  const isNote = NOTE_PREFIX.test(raw);
  return {
    teamId,
    channel: event.channel,
    threadTs: event.thread_ts,
    ts: event.ts,
    userId: event.user,
    text: isNote ? raw.replace(NOTE_PREFIX, '') : raw,
    isNote,
  };
}

const blockActionsSchema = z.object({
  type: z.literal('block_actions'),
  team: z.object({ id: z.string() }).nullish(),
  user: z.object({ id: z.string(), team_id: z.string().optional() }),
  channel: z.object({ id: z.string() }).optional(),
  container: z.object({ message_ts: z.string().optional(), channel_id: z.string().optional() }).optional(),
  message: z.object({ ts: z.string() }).optional(),
  actions: z
    .array(
      z.object({
        action_id: z.string(),
        block_id: z.string().optional(),
        value: z.string().optional(),
        selected_channel: z.string().optional(),
        selected_conversation: z.string().optional(),
      }),
    )
    .min(1),
});

/** The handoff control an interactive `block_actions` payload reports, or `undefined` when it is not one of ours. */
export function toHandoffAction(body: unknown): SlackHandoffAction | undefined {
  const parsed = blockActionsSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const payload = parsed.data;
  const action = payload.actions[0];
  if (!action || !(action.action_id in HANDOFF_ACTION_IDS)) return undefined;
  const type = HANDOFF_ACTION_IDS[action.action_id as keyof typeof HANDOFF_ACTION_IDS];
  // The actions block names the conversation, so menus (which carry no value of their own) know it too.
  const conversationId = action.block_id?.startsWith(HANDOFF_BLOCK_PREFIX)
    ? action.block_id.slice(HANDOFF_BLOCK_PREFIX.length)
    : action.value;
  const channel = payload.channel?.id ?? payload.container?.channel_id;
  const messageTs = payload.container?.message_ts ?? payload.message?.ts;
  if (!conversationId || !channel || !messageTs) return undefined;
  const chosen = action.selected_channel ?? action.selected_conversation;
  return {
    type,
    conversationId,
    userId: payload.user.id,
    teamId: payload.team?.id ?? payload.user.team_id ?? '',
    channel,
    messageTs,
    ...(type === 'transfer' && chosen ? { value: chosen } : {}),
  };
}

const slashCommandSchema = z.object({
  command: z.string().startsWith('/'),
  text: z.string().default(''),
  user_id: z.string(),
  team_id: z.string(),
  channel_id: z.string(),
  trigger_id: z.string(),
});

/** A slash command's form fields, or `undefined` when they are incomplete. */
export function toSlashCommand(body: unknown): SlackSlashCommand | undefined {
  const parsed = slashCommandSchema.safeParse(body);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return { command: c.command, text: c.text.trim(), userId: c.user_id, teamId: c.team_id, channel: c.channel_id, triggerId: c.trigger_id };
}

const deliveryKeySchema = z.union([
  z.object({ type: z.literal('event_callback'), event_id: z.string().min(1) }),
  z.object({ type: z.literal('block_actions'), trigger_id: z.string().min(1) }),
  z.object({ command: z.string(), trigger_id: z.string().min(1) }),
]);

/**
 * The key that stays the same when Slack delivers the same thing again: `event_id` for Events API callbacks
 * (the same on every `X-Slack-Retry-Num`), `trigger_id` for clicks and commands (one per user gesture, repeated by
 * Socket Mode redelivery). `undefined` for payloads that are not deduplicated.
 */
export function deliveryKey(body: unknown): string | undefined {
  const parsed = deliveryKeySchema.safeParse(body);
  if (!parsed.success) return undefined;
  const payload = parsed.data;
  if ('event_id' in payload) return `event:${payload.event_id}`;
  if ('command' in payload) return `command:${payload.trigger_id}`;
  return `action:${payload.trigger_id}`;
}
