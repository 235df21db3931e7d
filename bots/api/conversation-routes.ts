/**
 * Admin REST API for conversations: list them, read their messages, answer as an agent, change who owns them.
 * Agents and admins may use all of it; everything is scoped to the token's workspace.
 */
import { Router } from 'express';
import type { Queue } from 'bullmq';
import { z } from 'zod';
import { principalOf, requireToken, type ApiTokenStore } from '../../platform/auth';
import { asyncHandler, HttpError, parseOrThrow } from '../../platform/http/errors';
import { jobIds, type OutboundJobData } from '../../workers/queues';
import { messagePayload, type Conversation, type ConversationStore, type StoredMessage } from '../runtime/conversation-store';
import { templatesFor } from '../runtime/templates';
import type { ApiCatalogue } from '../../platform/http/openapi';

/** What the routes need. */
export interface ConversationRoutesDeps {
  store: ConversationStore;
  tokens: ApiTokenStore;
  outbound: Queue<OutboundJobData>;
  maxMessageLength: number;
}

const states = ['bot', 'waiting_agent', 'with_agent', 'closed'] as const;
const listQuery = z.object({
  state: z.enum(states).optional(),
  channel: z.string().max(32).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const messagesQuery = z.object({
  beforeSeq: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
const idParam = z.object({ id: z.uuid() });
const stateBody = z.object({ state: z.enum(states) });

function conversationJson(conversation: Conversation) {
  return {
    id: conversation.id,
    channel: conversation.channel,
    state: conversation.state,
    language: conversation.language,
    customerId: conversation.customer_id,
    messageCount: conversation.last_seq,
    createdAt: new Date(conversation.created_at).toISOString(),
    lastMessageAt: new Date(conversation.last_message_at).toISOString(),
  };
}

function messageJson(message: StoredMessage) {
  const payload = messagePayload(message);
  return {
    id: message.id,
    seq: message.seq,
    direction: message.direction,
    author: message.author,
    authorName: message.author_name,
    text: message.text,
    language: message.language,
    languageConfidence: message.language_confidence,
    status: message.status,
    quickReplies: payload.quickReplies,
    cards: payload.cards,
    notice: payload.notice,
    quickReplyPayload: payload.quickReplyPayload,
    createdAt: new Date(message.created_at).toISOString(),
    deliveredAt: message.delivered_at ? new Date(message.delivered_at).toISOString() : null,
  };
}

/** Mounts `/api/conversations...`. */
export function conversationRoutes(deps: ConversationRoutesDeps): Router {
  const router = Router();
  const anyRole = requireToken(deps.tokens, ['admin', 'agent']);
  const messageBody = z.object({ text: z.string().trim().min(1).max(deps.maxMessageLength) });

  const load = async (workspaceId: string, rawId: unknown): Promise<Conversation> => {
    const { id } = parseOrThrow(idParam, { id: rawId }, 'path');
    const conversation = await deps.store.getConversation(id);
    if (!conversation || conversation.workspace_id !== workspaceId) {
      throw new HttpError(404, 'not_found', `No conversation ${id} in this workspace.`);
    }
    return conversation;
  };

  const send = async (conversation: Conversation, message: StoredMessage) => {
    await deps.outbound.add(
      'deliver',
      {
        items: [{ workspaceId: conversation.workspace_id, conversationId: conversation.id, messageId: message.id, channel: conversation.channel }],
      },
      { jobId: jobIds.outbound(message.id) },
    );
  };

  router.get(
    '/api/conversations',
    anyRole,
    asyncHandler(async (req, res) => {
      const query = parseOrThrow(listQuery, req.query, 'query');
      const rows = await deps.store.listConversations(principalOf(res).workspaceId, query);
      const last = rows.at(-1);
      res.json({
        conversations: rows.map(conversationJson),
        nextBefore: rows.length === query.limit && last ? last.last_message_at : null,
      });
    }),
  );

  router.get(
    '/api/conversations/:id',
    anyRole,
    asyncHandler(async (req, res) => {
      res.json({ conversation: conversationJson(await load(principalOf(res).workspaceId, req.params.id)) });
    }),
  );

  router.get(
    '/api/conversations/:id/messages',
    anyRole,
    asyncHandler(async (req, res) => {
      const conversation = await load(principalOf(res).workspaceId, req.params.id);
      const query = parseOrThrow(messagesQuery, req.query, 'query');
      const messages = await deps.store.listMessages(conversation.id, query);
      res.json({ messages: messages.map(messageJson), hasMore: (messages[0]?.seq ?? 1) > 1 });
    }),
  );

  // An agent answers: the conversation is theirs from now on and the bot stays silent.
  router.post(
    '/api/conversations/:id/messages',
    anyRole,
    asyncHandler(async (req, res) => {
      const principal = principalOf(res);
      const conversation = await load(principal.workspaceId, req.params.id);
      const body = parseOrThrow(messageBody, req.body, 'body');
      const message = await deps.store.appendOutgoing({
        conversation,
        outgoing: { reply: { text: body.text, language: conversation.language ?? 'en' }, author: 'agent', authorName: principal.name },
        nextState: 'with_agent',
      });
      await send(conversation, message);
      res.status(201).json({ message: messageJson(message) });
    }),
  );

  router.post(
    '/api/conversations/:id/state',
    anyRole,
    asyncHandler(async (req, res) => {
      const conversation = await load(principalOf(res).workspaceId, req.params.id);
      const { state } = parseOrThrow(stateBody, req.body, 'body');
      if (state === 'bot' && conversation.state !== 'bot') {
        // Tell the shopper they are talking to the assistant again.
        const templates = templatesFor(conversation.language ?? undefined);
        const message = await deps.store.appendOutgoing({
          conversation,
          outgoing: { reply: { text: templates.returnedToBot, language: templates.language }, author: 'bot' },
          nextState: 'bot',
        });
        await send(conversation, message);
      } else {
        await deps.store.setState(conversation.id, state);
      }
      res.json({ conversation: conversationJson({ ...conversation, state }) });
    }),
  );
  return router;
}

/** Documents the routes above in the OpenAPI document. */
export function describeConversationRoutes(api: ApiCatalogue): void {
  const tag = 'conversations';
  const roles = ['admin', 'agent'] as const;
  api
    .describe({ method: 'get', path: '/api/conversations', tag, roles, query: listQuery, summary: 'Conversations of the workspace, newest activity first.', responses: { 200: { description: 'A page of conversations.' } } })
    .describe({ method: 'get', path: '/api/conversations/:id', tag, roles, params: idParam, summary: 'One conversation.', responses: { 200: { description: 'The conversation.' }, 404: { description: 'No such conversation.' } } })
    .describe({ method: 'get', path: '/api/conversations/:id/messages', tag, roles, params: idParam, query: messagesQuery, summary: 'Messages of a conversation, oldest first.', responses: { 200: { description: 'A page of messages.' } } })
    .describe({ method: 'post', path: '/api/conversations/:id/messages', tag, roles, params: idParam, summary: 'An agent reply to the shopper, delivered on the conversation channel.', responses: { 202: { description: 'Accepted for delivery.' } } })
    .describe({ method: 'post', path: '/api/conversations/:id/state', tag, roles, params: idParam, body: stateBody, summary: 'Moves the conversation to another state (bot, waiting_agent, with_agent, closed).', responses: { 200: { description: 'The updated conversation.' } } });
}
