/**
 * What message rendering needs besides the message itself. Shared by the render modules.
 */
import type { QuickReply } from '../../bots/runtime/reply';
import type { WidgetStrings } from './i18n';

/** Inputs of the render functions that do not belong to one message. */
export interface RenderContext {
  strings: WidgetStrings;
  /** Locale for prices and times (see `formattingLocale`). */
  formatLocale: string;
  /** Base for relative image URLs: the platform origin, which serves catalogue images. */
  assetBase: string;
  /** Base for relative product links: the store page the shopper is on. */
  pageBase: string;
  /** A quick reply or card action was pressed. */
  onQuickReply(reply: QuickReply): void;
}
