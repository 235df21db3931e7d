/**
 * A workspace's own settings, stored as JSON on its row and edited by admins through `/api/workspace/settings`.
 * The store's order-number formats, so "INV-204311" or "SO/2024/0042" are recognised as order numbers, and its
 * glossary of names translation must not touch.
 */
import { z } from 'zod';

const MAX_PATTERN_LENGTH = 200;

/** A regular expression source that compiles with the `gu` flags and does not match the empty string. */
const patternSource = z
  .string()
  .min(1)
  .max(MAX_PATTERN_LENGTH)
  .superRefine((source, ctx) => {
    try {
      const pattern = new RegExp(source, 'u');
      if (pattern.test('')) ctx.addIssue({ code: 'custom', message: 'the pattern matches the empty string' });
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(error as Error).message}` });
    }
  });

/** The settings schema (every key optional; absent keys use the platform's defaults). */
export const workspaceSettingsSchema = z.strictObject({
  /**
   * Order-number formats as regular expressions (JavaScript syntax, matched case-insensitively). A named group
   * `code` marks the number inside a longer match. Patterns come from admins; keep them simple (no nested repetition).
   */
  orderNumberPatterns: z.array(patternSource).max(20).optional(),
  /** Keep the built-in order-number formats as well as `orderNumberPatterns`. @defaultValue true */
  keepDefaultOrderNumberPatterns: z.boolean().optional(),
  /** Brand and product names machine translation keeps exactly as written (shopper <-> agent, help-centre answers). */
  glossary: z.array(z.string().trim().min(1).max(100)).max(500).optional(),
});

/** See {@link workspaceSettingsSchema}. */
export type WorkspaceSettings = z.infer<typeof workspaceSettingsSchema>;

/** Reads the stored JSON; unreadable or outdated settings count as none (the defaults apply). */
export function parseWorkspaceSettings(json: string | null | undefined): WorkspaceSettings {
  if (!json) return {};
  try {
    const parsed = workspaceSettingsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

/** The workspace's order-number patterns compiled for the entity extractor, or undefined for the defaults. */
export function compileOrderNumberPatterns(settings: WorkspaceSettings, defaults: readonly RegExp[]): readonly RegExp[] | undefined {
  if (!settings.orderNumberPatterns?.length) return undefined;
  const own = settings.orderNumberPatterns.map((source) => new RegExp(source, 'giu'));
  return settings.keepDefaultOrderNumberPatterns === false ? own : [...defaults, ...own];
}
