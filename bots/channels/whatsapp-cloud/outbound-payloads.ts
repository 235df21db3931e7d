/**
 * What WhatsApp can show, and how a rendered reply becomes Graph API messages, with no I/O. Limits are Meta's:
 * reply buttons (3 per message, 20-character titles, 256-character ids, a body of at most 1024 characters), list
 * messages (10 rows, 24-character row titles, 200-character row ids, a 20-character button), text up to 4096
 * characters, image captions up to 1024. Choices that cannot be native (an id too long, two buttons alike) make the
 * whole reply fall back to a numbered list, which the runtime maps back when the shopper answers "2".
 */
import type { ChannelCapabilities, OutboundPart, RenderedChoice } from '../channel-adapter';
import { clip, renderReply, type RenderableMessage } from '../render-reply';
import { splitText } from '../text-format';
import { templatesFor } from '../../runtime/templates';
import type { GraphMessage } from './graph-client';

/** Meta's limits for the messages the channel sends. */
export const WHATSAPP_LIMITS = {
  text: 4096,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  buttonBody: 1024,
  listRows: 10,
  rowTitle: 24,
  rowId: 200,
  listButton: 20,
  caption: 1024,
} as const;

/** What the WhatsApp Cloud API channel can show. */
export const whatsappCloudCapabilities: ChannelCapabilities = Object.freeze({
  quickReplies: { max: WHATSAPP_LIMITS.buttons, maxTitleLength: WHATSAPP_LIMITS.buttonTitle, maxBodyLength: WHATSAPP_LIMITS.buttonBody },
  choiceList: { max: WHATSAPP_LIMITS.listRows, maxTitleLength: WHATSAPP_LIMITS.rowTitle },
  cards: null,
  images: true,
  maxTextLength: WHATSAPP_LIMITS.text,
  markdown: 'whatsapp',
  typingIndicator: true,
  readReceipts: true,
});

const WITHOUT_NATIVE_CHOICES: ChannelCapabilities = Object.freeze({ ...whatsappCloudCapabilities, quickReplies: null, choiceList: null });

/**
 * Renders a stored message for WhatsApp: {@link renderReply} with the channel's capabilities, then captions longer
 * than WhatsApp takes continued in text messages. Deterministic, so a retried delivery numbers its parts the same.
 */
export function renderForWhatsApp(message: RenderableMessage): OutboundPart[] {
  const parts = renderReply(message, whatsappCloudCapabilities);
  const native = parts.every(nativeChoicesFit) ? parts : renderReply(message, WITHOUT_NATIVE_CHOICES);
  return native.flatMap(fitCaption);
}

/** True when the part's buttons or list rows are valid for WhatsApp (ids within limits and unique, titles unique). */
function nativeChoicesFit(part: OutboundPart): boolean {
  if (part.kind !== 'text') return true;
  if (part.choices) return choicesValid(part.choices, WHATSAPP_LIMITS.buttonId, true);
  if (part.list) return choicesValid(part.list.choices, WHATSAPP_LIMITS.rowId, false);
  return true;
}

function choicesValid(choices: readonly RenderedChoice[], maxId: number, uniqueTitles: boolean): boolean {
  const ids = choices.map((choice) => choice.payload);
  if (ids.some((id) => !id.trim() || id.length > maxId) || new Set(ids).size !== ids.length) return false;
  const titles = choices.map((choice) => choice.title.trim());
  if (titles.some((title) => !title)) return false;
  return !uniqueTitles || new Set(titles).size === titles.length;
}

function fitCaption(part: OutboundPart): OutboundPart[] {
  if (part.kind !== 'image' || !part.caption || part.caption.length <= WHATSAPP_LIMITS.caption) return [part];
  const [caption, ...rest] = splitText(part.caption, WHATSAPP_LIMITS.caption);
  return [{ kind: 'image', url: part.url, ...(caption ? { caption } : {}) }, ...splitText(rest.join('\n\n'), WHATSAPP_LIMITS.text).map((text): OutboundPart => ({ kind: 'text', text }))];
}

/**
 * The Graph API message for one rendered part.
 * @param language the message's language, for the body of a button or list message that has no text of its own
 *   (WhatsApp requires one).
 */
export function toGraphMessage(part: OutboundPart, language: string | null): GraphMessage {
  switch (part.kind) {
    case 'text': {
      if (part.choices?.length) {
        return {
          type: 'interactive',
          interactive: {
            type: 'button',
            body: { text: part.text.trim() || templatesFor(language ?? 'en').channel.chooseOption },
            action: { buttons: part.choices.map((choice) => ({ type: 'reply', reply: { id: choice.payload, title: clip(choice.title, WHATSAPP_LIMITS.buttonTitle) } })) },
          },
        };
      }
      if (part.list?.choices.length) {
        return {
          type: 'interactive',
          interactive: {
            type: 'list',
            body: { text: part.text.trim() || templatesFor(language ?? 'en').channel.chooseOption },
            action: {
              button: clip(part.list.button, WHATSAPP_LIMITS.listButton),
              sections: [{ rows: part.list.choices.map((choice) => ({ id: choice.payload, title: clip(choice.title, WHATSAPP_LIMITS.rowTitle) })) }],
            },
          },
        };
      }
      return textMessage(part.text);
    }
    case 'image':
      return { type: 'image', image: { link: part.url, ...(part.caption?.trim() ? { caption: part.caption } : {}) } };
    case 'cards':
      // Not produced for WhatsApp (no native cards: render-reply degrades them); kept total for safety.
      return textMessage(part.cards.map((card) => [card.title, card.price, card.url].filter(Boolean).join('\n')).join('\n\n'));
  }
}

function textMessage(body: string): GraphMessage {
  // Link previews only where there is a link: WhatsApp fetches the page to build it.
  return { type: 'text', text: { body, ...(/https?:\/\//i.test(body) ? { preview_url: true } : {}) } };
}
