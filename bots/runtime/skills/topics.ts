/** Intents answered (for now) by an honest interim reply, until their module registers a skill of its own. */
export const TOPIC_INTENTS = [
  'return_item', 'refund_status', 'shipping_info', 'customs_duties', 'payment_issue', 'payment_methods',
  'product_availability', 'product_recommendation', 'size_guide', 'discount_code', 'damaged_or_wrong_item',
  'package_not_received', 'account_help', 'invoice_request', 'warranty_repair',
] as const;

/** One of {@link TOPIC_INTENTS}. */
export type TopicIntent = (typeof TOPIC_INTENTS)[number];
