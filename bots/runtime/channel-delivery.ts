/** How the runtime hands stored outgoing messages to a channel. Each channel adapter provides one. */
import type { Conversation, StoredMessage } from './conversation-store';

/** Delivers messages of one channel. Must be idempotent per message id: a retry may deliver again. */
export interface ChannelDelivery {
  /** Channel name, as stored on conversations (`webchat`, `whatsapp`, ...). */
  readonly channel: string;
  /**
   * Sends the message; throws to have the outbound queue retry with backoff. Adapters that need more than the
   * message (a phone number, a conversation reference) load it themselves.
   */
  deliver(message: StoredMessage): Promise<void>;
  /** Shows a typing indicator, where the channel has one. Best effort. */
  typing?(conversation: Conversation, isTyping: boolean): Promise<void>;
}

/** Raised when a conversation's channel has no delivery registered (a configuration mistake, not retried). */
export class UnknownChannelError extends Error {
  override readonly name = 'UnknownChannelError';
}

/** Channel deliveries by name. */
export class ChannelDeliveryRegistry {
  private readonly byChannel = new Map<string, ChannelDelivery>();

  register(delivery: ChannelDelivery): this {
    this.byChannel.set(delivery.channel, delivery);
    return this;
  }

  get(channel: string): ChannelDelivery {
    const delivery = this.byChannel.get(channel);
    if (!delivery) {
      throw new UnknownChannelError(`No delivery is registered for channel "${channel}"; enable that channel in the configuration.`);
    }
    return delivery;
  }

  find(channel: string): ChannelDelivery | undefined {
    return this.byChannel.get(channel);
  }
}
