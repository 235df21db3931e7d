/**
 * The risk check in the conversation, through the real skill list and policy, with the real gate (scoring service,
 * decision log, one-time codes in SQLite with the demo store) and an e-mail sender that records what it sends. The
 * workspace's rules set the risk level (no model is trained here): no rule fires -> low, `reviewAboveValue` ->
 * medium, a blocked e-mail -> high; a counter store that fails plays a scoring failure.
 */
import { randomUUID } from 'node:crypto';
import { CommerceStore, seedDemoStore } from '../../../../commerce';
import { decideTurn } from '../../../../bots/runtime/skills/policy';
import { withRiskSkills } from '../../../../bots/runtime/skills/risk-skills';
import { defaultSkills } from '../../../../bots/runtime/skills/skill-list';
import { payloads, type Turn, type TurnOutcome } from '../../../../bots/runtime/skills/skill';
import type { DialogueState } from '../../../../bots/runtime/dialogue/dialogue-state';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../../platform/database';
import { WorkspaceStore } from '../../../../platform/workspaces';
import {
  ChatRiskGate,
  MemoryCounterStore,
  RiskDecisionLog,
  RiskFeatureBuilder,
  RiskLabelStore,
  RiskReviewLookup,
  RiskService,
  RiskSettingsStore,
  VerificationCodes,
  type EmailSender,
  type OutgoingEmail,
  type RiskCounterStore,
  type RiskSettings,
} from '../../../../risk';
import { createSqliteDatabase, type TestDatabase } from '../../../support/databases';
import { emailEntity, orderNumberEntity, skillTurn, understood } from '../../../support/skill-turns';

/** Records every e-mail instead of sending it. */
class RecordingEmailSender implements EmailSender {
  readonly sent: OutgoingEmail[] = [];
  async send(email: OutgoingEmail): Promise<void> {
    this.sent.push(email);
  }
}

/** Counters that are down: every scoring fails. */
class FailingCounters implements RiskCounterStore {
  async observe(): Promise<never> {
    throw new Error('Redis is unreachable');
  }
  async recordChargeback(): Promise<void> {
    throw new Error('Redis is unreachable');
  }
}

describe('risk checks in the conversation', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let workspaceId: string;
  let commerce: CommerceStore;
  let settings: RiskSettingsStore;
  let decisions: RiskDecisionLog;
  let codes: VerificationCodes;
  let email: RecordingEmailSender;
  const errors: string[] = [];
  const skills = withRiskSkills(defaultSkills);

  function gate(counters: RiskCounterStore = new MemoryCounterStore()): ChatRiskGate {
    const logger = { error: (_o: Record<string, unknown>, message: string) => errors.push(message), warn: () => undefined, info: () => undefined };
    const service = new RiskService({
      counters,
      features: new RiskFeatureBuilder(),
      models: { forWorkspace: async () => undefined },
      settings,
      decisions,
      labels: new RiskLabelStore(handle.db),
      logger,
    });
    return new ChatRiskGate({ service, commerce, codes, email, logger });
  }

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url, 1);
    await migrateToLatest(handle.db as never);
    workspaceId = (await new WorkspaceStore(handle.db).ensure({ slug: 'shop', name: 'Shop', defaultLanguage: 'en' })).workspace.id;
    await seedDemoStore(handle.db, workspaceId);
    commerce = new CommerceStore(handle.db);
    settings = new RiskSettingsStore(handle.db, { cacheMs: 0 });
    decisions = new RiskDecisionLog(handle.db);
    codes = new VerificationCodes(handle.db, { maxAttempts: 3, maxPerHour: 20 });
  }, 30_000);

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  beforeEach(() => {
    email = new RecordingEmailSender();
    errors.length = 0;
  });

  const useRules = (rules: RiskSettings['rules']) => settings.write(workspaceId, rules ? { rules } : {}, 'test');

  /** A conversation of one shopper, driven turn by turn through the policy, remembering the dialogue. */
  function conversation(risk: ChatRiskGate = gate()) {
    const id = randomUUID();
    let dialogue: DialogueState = {};
    return {
      id,
      get dialogue() {
        return dialogue;
      },
      async say(text: string, understanding = understood('out_of_scope', 0.2), extra: { payload?: string; messageId?: string } = {}): Promise<TurnOutcome> {
        const base = skillTurn(text, { understanding, dialogue, services: { commerce, risk }, ...(extra.payload ? { payload: extra.payload } : {}) });
        const turn: Turn = { ...base, conversation: { ...base.conversation, id, workspace_id: workspaceId }, message: { ...base.message, id: extra.messageId ?? randomUUID(), conversation_id: id } };
        const outcome = await decideTurn(turn, skills);
        if (outcome.dialogue) dialogue = outcome.dialogue;
        return outcome;
      },
    };
  }

  /** Asks to change an order's address up to the confirmation question, verified by the order's e-mail. */
  async function upToConfirmation(chat: ReturnType<typeof conversation>, orderNumber: string, orderEmail: string, address: string) {
    await chat.say(`change the address of order ${orderNumber}`, understood('change_address', 0.95, { entities: [orderNumberEntity(orderNumber, 26)] }));
    await chat.say(orderEmail, understood('out_of_scope', 0.3, { entities: [emailEntity(orderEmail)] }));
    const confirm = await chat.say(address);
    expect(confirm.replies[0]?.text).toContain('Shall I have order');
  }

  const text = (outcome: TurnOutcome) => outcome.replies.map((r) => r.text).join(' ');

  describe('when the risk is low', () => {
    it('changes the address as without a check, and logs the decision', async () => {
      await useRules(undefined);
      const chat = conversation();
      await upToConfirmation(chat, 'B7K9Q2', 'anna.schmidt@example.com', 'Linienstraße 40, 10119 Berlin');
      const done = await chat.say('yes', understood('out_of_scope', 0.2), { payload: payloads.confirmYes });
      expect(text(done)).toContain('B7K9Q2');
      expect((await commerce.findOrder(workspaceId, 'B7K9Q2'))?.shippingAddress?.line1).toBe('Linienstraße 40');
      const logged = await decisions.latestForConversation(chat.id);
      expect(logged).toMatchObject({ source: 'chat', action: 'change_address', decision: 'approve', outcome: 'proceed', orderNumber: 'B7K9Q2', modelVersion: 'none' });
      // The request carried what the platform knows: the new address, the channel, the order's e-mail.
      expect(logged?.request).toMatchObject({ channel: 'webchat', customer: { email: 'anna.schmidt@example.com' }, order: { number: 'B7K9Q2', shippingCountry: 'DE', shippingAddress: expect.stringContaining('Linienstraße 40') } });
      expect(email.sent).toEqual([]);
    });
  });

  describe('when the risk is medium (review)', () => {
    beforeEach(() => useRules({ reviewAboveValue: 100 }));

    it('e-mails a one-time code to the order and changes nothing until the shopper types it', async () => {
      const chat = conversation();
      await upToConfirmation(chat, 'D8F1G3', 'john.smith@example.com', '10 Downing Street, SW1A 2AA London');
      const ask = await chat.say('yes', undefined, { payload: payloads.confirmYes });
      expect(text(ask)).toContain('j***@example.com');
      expect(chat.dialogue.awaiting).toEqual({ skill: 'change_address', slot: 'code' });
      expect(email.sent).toHaveLength(1);
      expect(email.sent[0]).toMatchObject({ to: 'john.smith@example.com', subject: 'Acme Shoes: your verification code', purpose: 'verification_code' });
      const code = /\d{6}/.exec(email.sent[0]!.body)![0];
      expect((await commerce.findOrder(workspaceId, 'D8F1G3'))?.shippingAddress?.line1).toBe('221B Baker Street');
      const done = await chat.say(`the code is ${code.slice(0, 3)} ${code.slice(3)}`);
      expect(text(done)).toContain('D8F1G3');
      expect((await commerce.findOrder(workspaceId, 'D8F1G3'))?.shippingAddress?.line1).toBe('10 Downing Street');
      expect(chat.dialogue.awaiting).toBeUndefined();
    });

    it('hands the conversation to a person after three wrong codes, with the failed check for the agents', async () => {
      const chat = conversation();
      await upToConfirmation(chat, 'B7K9Q2', 'anna.schmidt@example.com', 'Auguststraße 1, 10117 Berlin');
      const before = (await commerce.findOrder(workspaceId, 'B7K9Q2'))?.shippingAddress?.line1;
      await chat.say('yes', undefined, { payload: payloads.confirmYes });
      const code = /\d{6}/.exec(email.sent[0]!.body)![0];
      const wrong = code === '123456' ? '654321' : '123456';
      expect(text(await chat.say(wrong))).toMatch(/isn't right.*2 tries left/);
      expect(text(await chat.say(wrong))).toMatch(/1 tries left/);
      const messageId = randomUUID();
      const last = await chat.say(wrong, undefined, { messageId });
      expect(last.nextState).toBe('waiting_agent');
      expect(text(last)).toContain('A colleague from our team');
      const review = new RiskReviewLookup(decisions, codes);
      expect(await review.riskHandoffAction(chat.id, messageId)).toBe('change_address');
      expect(await review.reviewFor(chat.id)).toMatchObject({ action: 'change_address', decision: 'review', verification: 'failed', reasons: ['the order value 168.8 is above the review limit of 100', "no risk model is trained yet, so only the workspace's rules were checked"] });
      // Even the right code unlocks nothing now.
      expect(await codes.answer({ conversationId: chat.id, payload: 'x', code, messageId: randomUUID() })).toEqual({ kind: 'none' });
      expect((await commerce.findOrder(workspaceId, 'B7K9Q2'))?.shippingAddress?.line1).toBe(before);
    });

    it('asks again for the code when the message holds none, without counting it as a try', async () => {
      const chat = conversation();
      await upToConfirmation(chat, 'D8F1G3', 'john.smith@example.com', '2 Fleet Street, EC4Y 1AA London');
      await chat.say('yes', undefined, { payload: payloads.confirmYes });
      expect(text(await chat.say('I have not received anything yet'))).toContain('6-digit code');
      const code = /\d{6}/.exec(email.sent[0]!.body)![0];
      expect(text(await chat.say(code))).toContain('D8F1G3');
    });

    it('answers a retried turn the same way, without a second decision or e-mail', async () => {
      const chat = conversation();
      await upToConfirmation(chat, 'D8F1G3', 'john.smith@example.com', '3 Fleet Street, EC4Y 1AA London');
      const messageId = randomUUID();
      const saved = chat.dialogue;
      const first = await chat.say('yes', undefined, { payload: payloads.confirmYes, messageId });
      // The turn is retried after a crash: same message, same memory as before it.
      const retried = await conversationFrom(chat.id, saved).say('yes', undefined, { payload: payloads.confirmYes, messageId });
      expect(text(retried)).toBe(text(first));
      expect(email.sent).toHaveLength(1);
      const rows = await handle.db.selectFrom('risk_decisions').select('id').where('conversation_id', '=', chat.id).execute();
      expect(rows).toHaveLength(1);
    });
  });

  /** A conversation handle on an existing conversation id and memory. */
  function conversationFrom(id: string, dialogue: DialogueState) {
    return {
      async say(text: string, understanding = understood('out_of_scope', 0.2), extra: { payload?: string; messageId?: string } = {}): Promise<TurnOutcome> {
        const base = skillTurn(text, { understanding, dialogue, services: { commerce, risk: gate() }, ...(extra.payload ? { payload: extra.payload } : {}) });
        return decideTurn({ ...base, conversation: { ...base.conversation, id, workspace_id: workspaceId }, message: { ...base.message, id: extra.messageId ?? randomUUID() } }, skills);
      },
    };
  }

  describe('when the risk is high (decline)', () => {
    it('changes nothing, hands over, and tells the shopper nothing about why', async () => {
      await useRules(undefined);
      const other = conversation();
      await upToConfirmation(other, 'E2H4J6', 'sofia.rossi@example.com', 'Via Torino 5, 20123 Milano');
      await useRules({ blockedEmails: ['sofia.rossi@example.com'] });
      const outcome = await other.say('yes', undefined, { payload: payloads.confirmYes });
      expect(outcome.nextState).toBe('waiting_agent');
      expect(outcome.replies[0]?.notice?.kind).toBe('handoff');
      expect(text(outcome)).not.toMatch(/fraud|risk|block|score|suspicious/i);
      expect((await commerce.findOrder(workspaceId, 'E2H4J6'))?.shippingAddress?.line1).toBe('Via Montenapoleone 8');
      expect(await decisions.latestForConversation(other.id)).toMatchObject({ decision: 'decline', outcome: 'handoff', rules: ['blocked_email'] });
      expect(email.sent).toEqual([]);
    });

    it('is not asked about a change the store would refuse anyway', async () => {
      await useRules({ blockedEmails: ['li.wei@example.com'] });
      const chat = conversation();
      await chat.say('cancel order A1B2C3', understood('order_cancel', 0.95, { entities: [orderNumberEntity('A1B2C3', 13)] }));
      // In transit: the bot explains it cannot be cancelled before any confirmation; nothing is scored.
      const reply = await chat.say('li.wei@example.com', understood('out_of_scope', 0.3, { entities: [emailEntity('li.wei@example.com')] }));
      expect(text(reply)).toMatch(/can't|cannot/i);
      expect(await decisions.latestForConversation(chat.id)).toBeUndefined();
    });
  });

  describe('when scoring fails', () => {
    it('fails closed to review: the code step, and the failure is logged', async () => {
      await useRules(undefined);
      const chat = conversation(gate(new FailingCounters()));
      await upToConfirmation(chat, 'D8F1G3', 'john.smith@example.com', '4 Fleet Street, EC4Y 1AA London');
      const outcome = await chat.say('yes', undefined, { payload: payloads.confirmYes });
      expect(text(outcome)).toContain('j***@example.com');
      expect(errors).toContain('risk scoring failed; answering review (fail closed)');
      expect(await decisions.latestForConversation(chat.id)).toMatchObject({ decision: 'review', outcome: 'verify', reasons: [{ code: 'scoring_failed', text: 'the risk check could not run, so this is sent to review' }] });
    });
  });

  describe('refund requests, "not received" claims and payment changes', () => {
    it('checks a refund request and answers as before when the risk is low', async () => {
      await useRules(undefined);
      const chat = conversation();
      const outcome = await chat.say('I want a refund for my order', understood('refund_status', 0.9));
      expect(text(outcome)).toContain('a refund');
      expect(await decisions.latestForConversation(chat.id)).toMatchObject({ action: 'refund_request', decision: 'approve' });
    });

    it('does not check a question about where a refund is', async () => {
      const chat = conversation();
      await chat.say('where is my refund?', understood('refund_status', 0.9));
      expect(await decisions.latestForConversation(chat.id)).toBeUndefined();
    });

    it('hands a "not received" claim on a blocked customer\'s order to a person', async () => {
      await useRules({ blockedEmails: ['maria.garcia@example.com'] });
      const chat = conversation();
      await chat.say('order C4D5E6', understood('order_status', 0.95, { entities: [orderNumberEntity('C4D5E6', 6)] }));
      await chat.say('maria.garcia@example.com', understood('out_of_scope', 0.3, { entities: [emailEntity('maria.garcia@example.com')] }));
      const outcome = await chat.say('it says delivered but my parcel never arrived', understood('package_not_received', 0.9));
      expect(outcome.nextState).toBe('waiting_agent');
      expect(await decisions.latestForConversation(chat.id)).toMatchObject({ action: 'package_not_received', decision: 'decline', orderNumber: 'C4D5E6' });
    });

    it('asks for a code before a payment change when the rules say review, then answers', async () => {
      await useRules({ reviewAboveValue: 100 });
      const chat = conversation();
      await chat.say('order D8F1G3', understood('order_status', 0.95, { entities: [orderNumberEntity('D8F1G3', 6)] }));
      await chat.say('john.smith@example.com', understood('out_of_scope', 0.3, { entities: [emailEntity('john.smith@example.com')] }));
      const ask = await chat.say('I want to pay with a different card', understood('payment_issue', 0.9));
      expect(text(ask)).toContain('j***@example.com');
      expect(chat.dialogue.awaiting).toEqual({ skill: 'payment_change', slot: 'code' });
      const code = /\d{6}/.exec(email.sent[0]!.body)![0];
      expect(text(await chat.say(code))).toContain('a problem with a payment');
      expect(chat.dialogue.awaiting).toBeUndefined();
    });
  });
});
