/**
 * WhatsApp's customer-service window: a business may send free-form messages only within 24 hours of the shopper's
 * last message; after that only an approved message template reaches them (Meta refuses anything else with error
 * 131047). This module decides whether the window is open and fills in the configured template, with no I/O.
 */
import type { Config } from '../../../config';
import type { GraphMessage } from './graph-client';

/** Length of the window. */
export const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Margin before the window's end: `last_inbound_at` is when the platform received the message, a little after
 * WhatsApp did, and the send itself takes time; near the end, the template is the safe choice.
 */
export const SERVICE_WINDOW_MARGIN_MS = 60 * 1000;

/** True while free-form messages may be sent: the shopper wrote within the last 24 hours (less the margin). */
export function isServiceWindowOpen(lastInboundAt: number | null, now: number): boolean {
  return lastInboundAt !== null && now - lastInboundAt < SERVICE_WINDOW_MS - SERVICE_WINDOW_MARGIN_MS;
}

/** The template settings: `config.whatsappCloud`. */
export type TemplateSettings = Pick<Config['whatsappCloud'], 'templateName' | 'templateLanguage' | 'templateParams'>;

/** The values a template parameter may name. */
export interface TemplateValues {
  /** The shopper's name (their WhatsApp profile name). */
  shopper: string;
  /** The store's (workspace's) name. */
  store: string;
  /** The message that could not be sent as it is. */
  text: string;
}

/** How much of the message `{text}` carries: enough to recognise it, short enough for any template. */
export const TEMPLATE_TEXT_LENGTH = 160;
// Meta's limit on one body parameter.
const MAX_PARAMETER_LENGTH = 1024;

/**
 * The template message for the configured settings, with `{shopper}`, `{store}` and `{text}` replaced in each
 * parameter. WhatsApp refuses parameters that are empty or hold line breaks, tabs or more than four spaces in a row,
 * so each is flattened to one line; one left empty becomes `-`.
 * @returns undefined when no template is configured.
 */
export function templateMessage(settings: TemplateSettings, values: TemplateValues): GraphMessage | undefined {
  if (!settings.templateName) return undefined;
  const text = clipped(oneLine(values.text), TEMPLATE_TEXT_LENGTH);
  const parameters = settings.templateParams.map((template) => {
    const filled = template.replace(/\{(shopper|store|text)\}/g, (_match, name: keyof TemplateValues) => (name === 'text' ? text : oneLine(values[name])));
    return { type: 'text' as const, text: clipped(oneLine(filled), MAX_PARAMETER_LENGTH) || '-' };
  });
  return {
    type: 'template',
    template: {
      name: settings.templateName,
      language: { code: settings.templateLanguage },
      ...(parameters.length ? { components: [{ type: 'body' as const, parameters }] } : {}),
    },
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clipped(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max - 1).join('').trimEnd()}…`;
}
