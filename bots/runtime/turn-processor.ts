/**
 * Processes a conversation's accepted messages: one at a time, in sequence order, under the conversation lock.
 * For each: identify the language, let the policy pick a skill, store the replies and the new state atomically,
 * then queue the replies for delivery.
 */
import type { Logger } from 'pino';
import { decideLanguage, textForLanguageIdentification, type LanguageIdentifier } from '../../nlu';
import type { WorkspaceStore, Workspace } from '../../platform/workspaces';
import type { ChannelDeliveryRegistry } from './channel-delivery';
import type { ConversationLock } from './conversation-lock';
import type { OutboundBatcher } from './outbound-batcher';
import { choiceNumber, numberedChoicePayload } from './numbered-choice';
import { messagePayload, type ConversationStore, type StoredMessage, type Conversation } from './conversation-store';
import { greetingLanguage } from './greeting-language';
import { parseDialogue, serializeDialogue } from './dialogue/dialogue-state';
import { decideTurn } from './skills/policy';
import { defaultUnderstandingPolicy, type Skill, type SkillServices, type UnderstandingPolicy } from './skills/skill';
import { templateSets, templatesFor } from './templates';
import { skillTextsFor } from './templates/skills';
import type { UnderstandingProvider } from './understanding-service';
import type { TurnRecord } from '../handoff/handoff-service';

/** Settings of the language decision. */
export interface LanguageSettings {
  minConfidence: number;
  shortMessageLetters: number;
}

/** What the processor needs, passed in. */
export interface TurnProcessorDeps {
  store: ConversationStore;
  workspaces: WorkspaceStore;
  identifier: LanguageIdentifier;
  lock: ConversationLock;
  /** Where replies go for delivery (batched into outbound jobs). */
  outbound: OutboundBatcher;
  deliveries: ChannelDeliveryRegistry;
  skills: readonly Skill[];
  language: LanguageSettings;
  /** Intents, entities and frustration; without it the skills that need no model answer alone. */
  understanding?: UnderstandingProvider;
  /** Data the skills use (commerce). */
  services?: SkillServices;
  policy?: UnderstandingPolicy;
  /**
   * The human handoff (Slack): told about every turn before it is stored, so an escalation opens a thread and a
   * handed-over conversation's messages reach it. Idempotent per message, so a retried turn adds nothing.
   */
  handoff?: { afterTurn(turn: TurnRecord): Promise<void> };
  logger: Logger;
}

const WORKSPACE_CACHE_MS = 30_000;
/** Replies slower than this show a typing indicator meanwhile. */
const TYPING_DELAY_MS = 300;

/** Turns accepted shopper messages into stored, queued replies. */
export class TurnProcessor {
  private readonly workspaceCache = new Map<string, { workspace: Workspace; until: number }>();

  constructor(private readonly deps: TurnProcessorDeps) {}

  /**
   * Processes every accepted message of the conversation, in sequence order, under its lock.
   * @returns `busy` when another worker holds the conversation: the caller retries shortly (that holder may already
   *   be past the point where it would have seen this message), else how many messages this call processed.
   */
  async processConversation(conversationId: string): Promise<number | 'busy'> {
    const token = await this.deps.lock.tryAcquire(conversationId);
    if (!token) return 'busy';
    let processed = 0;
    try {
      for (const message of await this.deps.store.pendingInbound(conversationId)) {
        await this.processMessage(message);
        processed += 1;
      }
    } finally {
      await this.deps.lock.release(conversationId, token);
    }
    return processed;
  }

  private async workspace(id: string): Promise<Workspace> {
    const cached = this.workspaceCache.get(id);
    if (cached && cached.until > Date.now()) return cached.workspace;
    const workspace = await this.deps.workspaces.findById(id);
    if (!workspace) throw new Error(`Workspace ${id} of a stored message no longer exists`);
    this.workspaceCache.set(id, { workspace, until: Date.now() + WORKSPACE_CACHE_MS });
    return workspace;
  }

  private async processMessage(message: StoredMessage): Promise<void> {
    // Re-read inside the lock: the state may have changed since the message was accepted.
    const conversation = await this.deps.store.getConversation(message.conversation_id);
    if (!conversation) return;
    const delivery = this.deps.deliveries.find(conversation.channel);
    // Show "typing" only when a reply takes long enough to notice; instant replies need no indicator.
    let typingShown = false;
    const typingTimer = setTimeout(() => {
      typingShown = true;
      void delivery?.typing?.(conversation, true).catch(() => undefined);
    }, TYPING_DELAY_MS);
    try {
      await this.answer(message, conversation);
    } finally {
      clearTimeout(typingTimer);
    }
    if (typingShown) void delivery?.typing?.(conversation, false).catch(() => undefined);
  }

  private async answer(message: StoredMessage, conversation: Conversation): Promise<void> {
    const workspace = await this.workspace(message.workspace_id);
    const payload = messagePayload(message);
    // With an attachment, the words are its caption: `[image]` and the like describe it for people, not the shopper's language.
    const text = payload.attachment ? (payload.attachment.caption ?? '') : message.text;
    // "2" answers the second choice of a numbered list (channels without buttons, see numbered-choice.ts).
    const quickReplyPayload =
      payload.quickReplyPayload ??
      (choiceNumber(text) !== undefined
        ? numberedChoicePayload(text, await this.deps.store.listMessages(conversation.id, { beforeSeq: message.seq, limit: 4 }))
        : undefined);
    const languageText = textForLanguageIdentification(text);
    const guess = await this.deps.identifier.identify(languageText);
    const localeLanguage = payload.locale?.toLowerCase().split(/[-_]/)[0];
    const defaultLanguage = localeLanguage && templateSets[localeLanguage] ? localeLanguage : workspace.default_language;
    const decision = decideLanguage({
      guess,
      text: languageText,
      conversationLanguage: conversation.language,
      // Only a conversation's first messages need the lexicon (it is the slowest step here).
      lexiconLanguage: conversation.language ? undefined : greetingLanguage(text),
      defaultLanguage,
      isSupported: (language) => templateSets[language] !== undefined,
      ...this.deps.language,
    });
    const templates = templatesFor(decision.language);
    // Answer in a language we have sentences for; remember the shopper's real language for later skills.
    const replyLanguage = templates.language === decision.language ? decision.language : templates.language;
    const understanding = text ? await this.understand(workspace.id, text, decision.language) : undefined;
    const outcome = await decideTurn(
      {
        conversation,
        message,
        text,
        ...(quickReplyPayload !== undefined ? { quickReplyPayload } : {}),
        language: replyLanguage,
        templates,
        texts: skillTextsFor(replyLanguage),
        storeName: workspace.name,
        dialogue: parseDialogue(conversation.dialogue),
        services: this.deps.services ?? {},
        policy: this.deps.policy ?? defaultUnderstandingPolicy,
        ...(understanding ? { understanding } : {}),
      },
      this.deps.skills,
    );
    // Before the turn is stored: if this fails, the message stays pending and the whole turn is retried.
    await this.deps.handoff?.afterTurn({
      conversation,
      message,
      nextState: outcome.nextState,
      skill: outcome.skill,
      language: decision.language,
      ...(understanding ? { intent: understanding.intent.intent } : {}),
    });
    const stored = await this.deps.store.completeTurn({
      inboundId: message.id,
      conversationId: conversation.id,
      workspaceId: conversation.workspace_id,
      channel: conversation.channel,
      language: guess.language,
      languageConfidence: guess.confidence,
      conversationLanguage: decision.language,
      nextState: outcome.nextState,
      ...(outcome.dialogue !== undefined ? { dialogue: serializeDialogue(outcome.dialogue) } : {}),
      replies: outcome.replies.map((reply) => ({ reply, author: 'bot' as const })),
      at: Date.now(),
    });
    this.deps.logger.debug(
      {
        conversationId: conversation.id,
        seq: message.seq,
        skill: outcome.skill,
        language: decision,
        intent: understanding?.intent.intent,
        confidence: understanding?.intent.confidence,
      },
      'turn processed',
    );
    await this.queueDelivery(stored, conversation, message.created_at);
  }

  private async understand(workspaceId: string, text: string, language: string) {
    if (!this.deps.understanding) return undefined;
    try {
      return await this.deps.understanding.understand(workspaceId, text, language);
    } catch (error) {
      // A broken model must not silence the bot: the skills that need no model still answer.
      this.deps.logger.error({ err: error, workspaceId }, 'understanding failed; answering without intents');
      return undefined;
    }
  }

  private async queueDelivery(messages: StoredMessage[], conversation: Conversation, acceptedAt: number): Promise<void> {
    await this.deps.outbound.add(
      messages.map((message) => ({
        workspaceId: conversation.workspace_id,
        conversationId: conversation.id,
        messageId: message.id,
        channel: conversation.channel,
        acceptedAt,
        message,
      })),
    );
  }

}
