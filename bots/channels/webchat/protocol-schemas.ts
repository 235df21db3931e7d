/** Runtime validation of everything a widget sends (the types in protocol-types.ts say the same, statically). */
import { z } from 'zod';

/** Handshake `auth`. */
export const webchatAuthSchema = z.object({
  workspace: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'workspace must be a workspace slug'),
  sessionToken: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/).optional(),
  locale: z.string().regex(/^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/).optional(),
});

/** `message` payload, before the length check (which depends on configuration and has its own error code). */
export const sendMessageSchema = z.object({
  clientMessageId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'clientMessageId must be 1-64 characters of A-Z a-z 0-9 _ -'),
  text: z.string(),
  quickReplyPayload: z.string().min(1).max(200).optional(),
});

/** `history` payload. */
export const historyRequestSchema = z.object({
  beforeSeq: z.number().int().min(1),
  limit: z.number().int().min(1).max(200).optional(),
});

/** First issue of a failed parse, as a sentence. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  return `${issue.path.join('.') || 'payload'}: ${issue.message}`;
}
