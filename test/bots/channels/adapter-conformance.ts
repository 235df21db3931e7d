/**
 * The conformance suite every channel adapter passes (bots/channels/channel-adapter.ts). Each adapter's test file
 * builds a {@link ConformanceHarness} around the real adapter, a real database and the channel's remote side
 * (a fake Graph API, a fake whatsapp-web.js Client, botbuilder's connector against a local server) and calls
 * {@link describeAdapterConformance}. The suite then checks, in the channel's own terms, what every channel must do:
 * inbound messages normalised and deduplicated, replies rendered within the channel's limits with nothing lost
 * (every choice, product and link reaches the shopper one way or another), Markdown converted, agents named, and a
 * retried delivery never repeating what was already sent.
 */
import type { ChannelAdapter } from '../../../bots/channels/channel-adapter';
import type { Conversation, InboundMessage, StoredMessage } from '../../../bots/runtime/conversation-store';
import type { Reply } from '../../../bots/runtime/reply';

/** What the channel's remote side received, normalised so the suite can read it for any channel. */
export type SentRecord =
  /** A text message; `buttons`: titles of native quick replies / reply buttons / suggested actions; `list`: rows of a list picker. */
  | { kind: 'text'; text: string; buttons?: string[]; list?: string[] }
  /** An image (by URL) with its caption. */
  | { kind: 'image'; url: string; caption?: string }
  /** Native cards (carousel or single); `texts`: everything written on each card (title, price, link, buttons). */
  | { kind: 'cards'; texts: string[] };

/** The adapter under test, wired to a real database and a fake remote side. */
export interface ConformanceHarness {
  adapter: ChannelAdapter;
  /**
   * Sends a shopper's text from the channel's side (webhook POST, Client event, activity) the way the provider
   * does, with the provider's message id `providerMessageId`; resolves once the adapter has handed it on.
   */
  receiveText(text: string, providerMessageId: string): Promise<void>;
  /** The messages the adapter handed to ingest, in order (after the platform's duplicate check, if wired through it). */
  ingested(): InboundMessage[];
  /** The harness's conversation (created by the first receiveText) and an outgoing message stored in it. */
  conversation(): Promise<Conversation>;
  storeOutgoing(reply: Reply, author?: { author: 'bot' } | { author: 'agent'; name: string }): Promise<StoredMessage>;
  /** What reached the remote side since the last call, in order (a push channel may resolve once it has settled). */
  takeSent(): SentRecord[] | Promise<SentRecord[]>;
  /**
   * Makes the remote side accept the next `successes` sends and then fail one with a transient error (5xx, network),
   * as the provider would (the adapter's deliver then rejects, and the outbound queue retries it).
   */
  failSendAfter(successes: number): void;
  close(): Promise<void>;
}

/** Text of everything a shopper sees in the records. */
function visible(records: SentRecord[]): string {
  return records
    .map((record) =>
      record.kind === 'text'
        ? [record.text, ...(record.buttons ?? []), ...(record.list ?? [])].join('\n')
        : record.kind === 'image'
          ? `${record.url}\n${record.caption ?? ''}`
          : record.texts.join('\n'),
    )
    .join('\n');
}

/** Runs the suite against the harness `create` builds (one per test file, shared by its tests). */
export function describeAdapterConformance(name: string, create: () => Promise<ConformanceHarness>): void {
  describe(`${name}: channel adapter conformance`, () => {
    let harness: ConformanceHarness;
    let nextId = 0;
    const providerId = (): string => `conformance-${process.pid}-${Date.now()}-${nextId++}`;

    beforeAll(async () => {
      harness = await create();
      await harness.receiveText('hello', providerId());
      await harness.takeSent();
    });

    afterAll(async () => {
      await harness?.close();
    });

    beforeEach(async () => {
      await harness.takeSent();
    });

    it('declares sane capabilities', () => {
      const caps = harness.adapter.capabilities;
      expect(caps.maxTextLength).toBeGreaterThanOrEqual(200);
      if (caps.quickReplies) expect(caps.quickReplies.max).toBeGreaterThanOrEqual(1);
      if (caps.choiceList) expect(caps.choiceList.max).toBeGreaterThanOrEqual(caps.quickReplies?.max ?? 1);
      expect(['markdown', 'whatsapp', 'plain']).toContain(caps.markdown);
      expect(typeof harness.adapter.channel).toBe('string');
    });

    it('normalises an inbound text message and hands over a redelivery with the same message id', async () => {
      const id = providerId();
      const before = harness.ingested().length;
      await harness.receiveText('¿Dónde está mi pedido A1B2C3?', id);
      await harness.receiveText('¿Dónde está mi pedido A1B2C3?', id);
      const received = harness.ingested().slice(before);
      expect(received.length).toBeGreaterThanOrEqual(1);
      const first = received[0] as InboundMessage;
      expect(first.channel).toBe(harness.adapter.channel);
      expect(first.text).toBe('¿Dónde está mi pedido A1B2C3?');
      expect(first.conversationKey).toBeTruthy();
      expect(first.sender.externalId).toBeTruthy();
      expect(first.workspaceId).toBeTruthy();
      // Whether the adapter drops the copy itself or leaves it to ingest, both carry the same id, so it is stored once.
      for (const copy of received) expect(copy.channelMessageId).toBe(first.channelMessageId);
    });

    it('sends plain text as written', async () => {
      const message = await harness.storeOutgoing({ text: 'Your parcel ships today.', language: 'en' });
      await harness.adapter.deliver(message);
      const sent = (await harness.takeSent());
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ kind: 'text' });
      expect((sent[0] as { text: string }).text).toContain('Your parcel ships today.');
    });

    it('splits text longer than the channel allows, losing nothing', async () => {
      const limit = harness.adapter.capabilities.maxTextLength;
      // A channel without a length limit (the web widget) has nothing to split.
      if (!Number.isFinite(limit)) return;
      const sentence = 'Returns are free within thirty days of delivery. ';
      const long = sentence.repeat(Math.ceil((limit * 2.5) / sentence.length)).trim();
      await harness.adapter.deliver(await harness.storeOutgoing({ text: long, language: 'en' }));
      const sent = (await harness.takeSent());
      expect(sent.length).toBeGreaterThanOrEqual(3);
      for (const record of sent) {
        expect(record.kind).toBe('text');
        expect((record as { text: string }).text.length).toBeLessThanOrEqual(limit);
      }
      const joined = sent.map((record) => (record as { text: string }).text).join(' ');
      expect(joined.replace(/\s+/g, ' ')).toBe(long.replace(/\s+/g, ' '));
    });

    it('offers every quick reply, natively or as a numbered list', async () => {
      for (const count of [2, 12]) {
        const titles = Array.from({ length: count }, (_, index) => `Option ${index + 1}`);
        const reply: Reply = { text: 'What would you like to do?', language: 'en', quickReplies: titles.map((title, index) => ({ title, payload: `choice_${index}` })) };
        await harness.adapter.deliver(await harness.storeOutgoing(reply));
        const sent = (await harness.takeSent());
        const text = visible(sent);
        expect(text).toContain('What would you like to do?');
        const buttons = sent.flatMap((record) => (record.kind === 'text' ? [...(record.buttons ?? []), ...(record.list ?? [])] : []));
        if (buttons.length) expect(buttons).toEqual(titles);
        else titles.forEach((title, index) => expect(text).toContain(`${index + 1}. ${title}`));
        const caps = harness.adapter.capabilities;
        if (buttons.length && caps.quickReplies && !caps.choiceList) expect(buttons.length).toBeLessThanOrEqual(caps.quickReplies.max);
      }
    });

    it('shows every product of a reply with its title, price and link', async () => {
      const cards = [1, 2, 3].map((n) => ({
        productId: `p${n}`,
        title: `Trail Runner ${n}`,
        price: { amount: 50.5 + n, currency: 'EUR' },
        imageUrl: `https://shop.example/img/p${n}.jpg`,
        url: `https://shop.example/p/${n}`,
        actions: [{ title: 'More like this', payload: `similar:p${n}` }],
      }));
      await harness.adapter.deliver(await harness.storeOutgoing({ text: 'Here are some ideas:', language: 'en', cards }));
      const text = visible((await harness.takeSent()));
      for (const card of cards) {
        expect(text).toContain(card.title);
        expect(text).toContain(card.url);
        expect(text).toMatch(new RegExp(`5${card.productId.slice(1)}[.,]50`));
      }
    });

    it("converts Markdown to the channel's dialect and keeps links", async () => {
      await harness.adapter.deliver(await harness.storeOutgoing({ text: 'Read **our return policy** [here](https://shop.example/help/returns).', language: 'en' }));
      const text = visible((await harness.takeSent()));
      expect(text).toContain('https://shop.example/help/returns');
      if (harness.adapter.capabilities.markdown !== 'markdown') expect(text).not.toContain('**');
    });

    it("names the agent on an agent's message", async () => {
      await harness.adapter.deliver(await harness.storeOutgoing({ text: 'I have refunded the shoes.', language: 'en' }, { author: 'agent', name: 'Dana Agent' }));
      const text = visible((await harness.takeSent()));
      expect(text).toContain('Dana Agent');
      expect(text).toContain('I have refunded the shoes.');
    });

    it('does not repeat what was sent when a failed delivery is retried', async () => {
      const cards = [1, 2].map((n) => ({ productId: `r${n}`, title: `Retry Shoe ${n}`, imageUrl: `https://shop.example/img/r${n}.jpg`, url: `https://shop.example/p/r${n}` }));
      const reply: Reply = { text: 'Two ideas:', language: 'en', cards };
      await harness.adapter.deliver(await harness.storeOutgoing(reply));
      const complete = (await harness.takeSent());
      // The first send of the next delivery goes out, the second fails; the retry sends what is missing, and a
      // further redelivery nothing the shopper would see twice.
      const message = await harness.storeOutgoing(reply);
      harness.failSendAfter(1);
      const failed = await harness.adapter.deliver(message).then(
        () => false,
        () => true,
      );
      if (failed) {
        await harness.adapter.deliver(message);
        await harness.adapter.deliver(message);
      } else {
        // The channel sends a whole reply at once: make that one send fail instead.
        expect(await harness.takeSent()).toEqual(complete);
        const next = await harness.storeOutgoing(reply);
        harness.failSendAfter(0);
        await expect(harness.adapter.deliver(next)).rejects.toThrow();
        await harness.adapter.deliver(next);
        await harness.adapter.deliver(next);
      }
      expect(await harness.takeSent()).toEqual(complete);
    });
  });
}
