/**
 * Turns rendered parts (render-reply.ts) into Bot Framework message activities, without I/O:
 * - text: Markdown (`textFormat: markdown`), its choices as `imBack` suggested actions (see offered-choice.ts);
 * - image: an image attachment under its caption;
 * - cards: Adaptive Cards in a carousel, at most {@link MAX_CAROUSEL_CARDS} per activity.
 * The conversation, sender and recipient are filled in by botbuilder from the stored conversation reference.
 */
import { ActionTypes, ActivityTypes, AttachmentLayoutTypes, MessageFactory, TextFormatTypes, type Activity, type CardAction } from 'botbuilder';
import type { OutboundPart, RenderedChoice } from '../channel-adapter';
import { MAX_CAROUSEL_CARDS } from './botframework-capabilities';
import { ADAPTIVE_CARD_CONTENT_TYPE, productAdaptiveCard } from './product-cards';

/** An activity to send (botbuilder completes the addressing). */
export type OutgoingActivity = Partial<Activity>;

const IMAGE_TYPES: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};

/** The activities that show `part`, in order (one, except for carousels of more than ten cards). */
export function activitiesForPart(part: OutboundPart): OutgoingActivity[] {
  switch (part.kind) {
    case 'text': {
      // A list picker is not among the adapter's capabilities; should one be rendered anyway, its rows become
      // suggested actions rather than disappear.
      const choices = part.choices ?? part.list?.choices ?? [];
      if (!choices.length) return [textActivity(part.text)];
      return [{ ...MessageFactory.suggestedActions(choices.map(suggestedAction), part.text), textFormat: TextFormatTypes.Markdown }];
    }
    case 'image':
      return [{ ...textActivity(part.caption ?? ''), attachments: [{ contentType: imageContentType(part.url), contentUrl: part.url }] }];
    case 'cards': {
      const activities: OutgoingActivity[] = [];
      for (let start = 0; start < part.cards.length; start += MAX_CAROUSEL_CARDS) {
        activities.push({
          type: ActivityTypes.Message,
          attachmentLayout: AttachmentLayoutTypes.Carousel,
          attachments: part.cards.slice(start, start + MAX_CAROUSEL_CARDS).map((card) => ({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: productAdaptiveCard(card) })),
        });
      }
      return activities;
    }
  }
}

function textActivity(text: string): OutgoingActivity {
  return { ...MessageFactory.text(text), textFormat: TextFormatTypes.Markdown };
}

/** A quick reply as a suggested action that sends its title (the title is mapped back to the payload on the way in). */
function suggestedAction(choice: RenderedChoice): CardAction {
  return { type: ActionTypes.ImBack, title: choice.title, value: choice.title };
}

/** The content type channels need to show an image by URL, from its extension (JPEG when it has none). */
export function imageContentType(url: string): string {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute URL: look at it as it is.
  }
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase();
  return (extension && IMAGE_TYPES[extension]) || 'image/jpeg';
}
