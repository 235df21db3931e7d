/**
 * The phone's sending budget: at most `maxPerMinute` WhatsApp messages in any 60 s, counted per message actually
 * sent (a reply with three product images is four). Exact in memory, because exactly one process holds the phone
 * and sends (see send-queue.ts); the queue's own limiter counts replies, this counts what WhatsApp sees.
 */
export class SendRateLimiter {
  private readonly sent: number[] = [];

  /**
   * @param maxPerMinute the configured `whatsappWeb.maxPerMinute`.
   * @param windowMs @defaultValue 60000
   */
  constructor(
    private readonly maxPerMinute: number,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one send from the budget and returns 0, or returns how many ms to wait before one is free (takes none). */
  take(): number {
    const now = this.now();
    while (this.sent.length && (this.sent[0] as number) <= now - this.windowMs) this.sent.shift();
    if (this.sent.length >= this.maxPerMinute) return (this.sent[0] as number) + this.windowMs - now;
    this.sent.push(now);
    return 0;
  }
}
