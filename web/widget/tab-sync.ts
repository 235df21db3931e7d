/**
 * Keeps the shopper's open tabs in step without the server: a message one tab sent (and the server acknowledged) is
 * announced to the other tabs of the same store through a BroadcastChannel. Sending it back through the server and
 * Redis to every tab would cost a publish per message on every server; the browser does it for free.
 */
import type { SendMessageAck, WireMessage } from '../../bots/channels/webchat/protocol-types';

/** What one tab announces to the others. */
interface TabAnnouncement {
  type: 'message';
  message: WireMessage;
}

/** A shopper message as the server stored it, rebuilt from what the sending tab knows and the acknowledgement. */
export function acknowledgedMessage(
  sent: { clientMessageId: string; text: string; at: string },
  ack: Extract<SendMessageAck, { ok: true }>,
): WireMessage {
  return {
    id: ack.messageId,
    seq: ack.seq,
    direction: 'in',
    author: 'shopper',
    text: sent.text,
    clientMessageId: sent.clientMessageId,
    at: sent.at,
  };
}

/** The part of BroadcastChannel used here (typed structurally: the tests run this module under Node). */
interface Channel {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

/** The channel between tabs, or a no-op where BroadcastChannel does not exist. */
export class TabSync {
  private readonly channel: Channel | undefined;

  constructor(workspace: string, onMessage: (message: WireMessage) => void) {
    const BroadcastChannelClass = (globalThis as unknown as { BroadcastChannel?: new (name: string) => Channel }).BroadcastChannel;
    if (!BroadcastChannelClass) return;
    this.channel = new BroadcastChannelClass(`pgdesk:${workspace}:tabs`);
    this.channel.onmessage = (event) => {
      const data = event.data as TabAnnouncement | undefined;
      if (data?.type === 'message' && data.message) onMessage(data.message);
    };
  }

  /** Stops listening (tests; a page simply goes away). */
  close(): void {
    this.channel?.close();
  }

  /** Tells the other tabs about a message this tab sent. */
  announce(message: WireMessage): void {
    const announcement: TabAnnouncement = { type: 'message', message };
    this.channel?.postMessage(announcement);
  }
}
