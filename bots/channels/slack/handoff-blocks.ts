/**
 * Block Kit for the handoff thread's root message, as pure functions: who the shopper is, what they want, the
 * conversation so far (translated for the agents, with the original beside it), and the Claim / Resolve / Transfer
 * controls. Shopper text is escaped, so a message containing `<!channel>` cannot ping the whole channel.
 */
import type { KnownBlock } from '@slack/types';
import { HANDOFF_BLOCK_PREFIX } from './slack-payloads';

/** A Block Kit block as sent to `chat.postMessage`. */
export type SlackBlock = KnownBlock;

/** One line of the conversation shown to the agents. */
export interface TranscriptLine {
  from: 'shopper' | 'bot' | 'agent';
  at: Date;
  /** The text in the agents' language. */
  text: string;
  /** What was actually written, when {@link text} is a translation. */
  original?: { language: string; text: string };
}

/** Everything the root message shows about a handoff. */
export interface HandoffSummary {
  conversationId: string;
  shopper: { name: string; email?: string };
  /** Channel the shopper writes on, e.g. `webchat`, `whatsapp`. */
  channel: string;
  /** Shopper language (ISO 639-1). */
  language: string;
  /** Shopper country (ISO 3166-1 alpha-2), when known. */
  country?: string;
  order?: { number: string; status: string };
  /** Why the bot handed over, e.g. "asked for a person", "frustrated". */
  reason: string;
  /** A few sentences about what the shopper needs. */
  summary?: string;
  transcript: TranscriptLine[];
}

/** Where the handoff stands; decides the status line and which controls remain. */
export type HandoffStatus = { state: 'waiting' } | { state: 'claimed'; by: string } | { state: 'resolved'; by: string };

// Slack's limits: 3000 characters per section text, 50 blocks per message; the transcript keeps its newest lines.
const SECTION_LIMIT = 3000;
const TRANSCRIPT_LINES = 20;
const LINE_LIMIT = 600;

/** Escapes the three characters Slack's mrkdwn gives meaning to (`<!here>`, `<@U1>`, links). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

const SPEAKER: Record<TranscriptLine['from'], string> = { shopper: 'Shopper', bot: 'Bot', agent: 'Agent' };

function transcriptLine(line: TranscriptLine): string {
  const time = line.at.toISOString().slice(11, 16);
  const head = `*${SPEAKER[line.from]}* ${time} UTC: ${escapeMrkdwn(clip(line.text, LINE_LIMIT))}`;
  if (!line.original || line.original.text === line.text) return head;
  return `${head}\n>_${escapeMrkdwn(line.original.language)}: ${escapeMrkdwn(clip(line.original.text, LINE_LIMIT))}_`;
}

/** The transcript as section texts within Slack's size limit, oldest first. */
function transcriptSections(lines: TranscriptLine[]): string[] {
  const sections: string[] = [];
  let current = '';
  for (const text of lines.slice(-TRANSCRIPT_LINES).map(transcriptLine)) {
    if (current && current.length + text.length + 1 > SECTION_LIMIT) {
      sections.push(current);
      current = '';
    }
    current = current ? `${current}\n${text}` : text;
  }
  if (current) sections.push(current);
  return sections;
}

function statusLine(status: HandoffStatus): string {
  if (status.state === 'claimed') return `:raising_hand: Claimed by <@${status.by}>`;
  if (status.state === 'resolved') return `:white_check_mark: Resolved by <@${status.by}>`;
  return ':hourglass_flowing_sand: Waiting for an agent. Reply in this thread to answer the shopper; start with `note:` to keep a reply internal.';
}

function controls(conversationId: string, status: HandoffStatus): SlackBlock[] {
  if (status.state === 'resolved') return [];
  return [
    {
      type: 'actions',
      block_id: `${HANDOFF_BLOCK_PREFIX}${conversationId}`,
      elements: [
        ...(status.state === 'waiting'
          ? [{ type: 'button' as const, action_id: 'handoff_claim', style: 'primary' as const, text: { type: 'plain_text' as const, text: 'Claim' }, value: conversationId }]
          : []),
        { type: 'button', action_id: 'handoff_resolve', text: { type: 'plain_text', text: 'Resolve' }, value: conversationId },
        { type: 'channels_select', action_id: 'handoff_transfer', placeholder: { type: 'plain_text', text: 'Transfer to…' } },
      ],
    },
  ];
}

/**
 * The thread root of a handoff: `text` for notifications, `blocks` for the channel.
 *
 * @example
 * const { text, blocks } = handoffRootMessage(summary);
 * await sender.postMessage({ channel: pickAgentsChannel(...), text, blocks });
 * // after a claim:
 * await sender.update({ channel, ts, ...handoffRootMessage(summary, { state: 'claimed', by: userId }) });
 */
export function handoffRootMessage(summary: HandoffSummary, status: HandoffStatus = { state: 'waiting' }): { text: string; blocks: SlackBlock[] } {
  const shopper = escapeMrkdwn(summary.shopper.name);
  const fields = [
    `*Shopper*\n${shopper}${summary.shopper.email ? ` (${escapeMrkdwn(summary.shopper.email)})` : ''}`,
    `*Channel*\n${escapeMrkdwn(summary.channel)}`,
    `*Language*\n${escapeMrkdwn(summary.language)}`,
    `*Country*\n${summary.country ? escapeMrkdwn(summary.country) : 'unknown'}`,
    ...(summary.order ? [`*Order*\n${escapeMrkdwn(summary.order.number)} (${escapeMrkdwn(summary.order.status)})`] : []),
    `*Reason*\n${escapeMrkdwn(clip(summary.reason, 500))}`,
  ];
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(`Handoff: ${summary.shopper.name}`, 150) } },
    { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn' as const, text })) },
    ...(summary.summary ? [{ type: 'section' as const, text: { type: 'mrkdwn' as const, text: `*Summary*\n${escapeMrkdwn(clip(summary.summary, SECTION_LIMIT - 20))}` } }] : []),
    { type: 'divider' },
    ...transcriptSections(summary.transcript).map((text) => ({ type: 'section' as const, text: { type: 'mrkdwn' as const, text } })),
    { type: 'context', elements: [{ type: 'mrkdwn', text: statusLine(status) }] },
    ...controls(summary.conversationId, status),
  ];
  // The fallback text is mrkdwn too (notifications), so it is escaped like the blocks.
  return { text: escapeMrkdwn(`Handoff: ${summary.shopper.name} (${summary.language}) — ${summary.reason}`), blocks };
}
