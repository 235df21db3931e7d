/** WhatsApp's message acknowledgements as delivery statuses of the platform (bots/channels/delivery-log.ts). */
import { MessageAck } from 'whatsapp-web.js';
import type { DeliveryStatus } from '../delivery-log';

/**
 * The status a receipt means, or undefined for the states before delivery (pending, reached WhatsApp's server),
 * which the delivery log already records as `sent`.
 */
export function receiptStatus(ack: MessageAck): DeliveryStatus | undefined {
  switch (ack) {
    case MessageAck.ACK_DEVICE:
      return 'delivered';
    case MessageAck.ACK_READ:
    case MessageAck.ACK_PLAYED:
      return 'read';
    case MessageAck.ACK_ERROR:
      return 'failed';
    default:
      return undefined;
  }
}
