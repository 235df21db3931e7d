/**
 * Channels: the WhatsApp Web connection of the store's phone. While the phone is not linked the screen shows the QR
 * code to scan (WhatsApp > Settings > Linked devices > Link a device); it refreshes itself, since WhatsApp renews
 * the code about every 20 seconds. Admins only: whoever scans the code links their phone to the store's bot.
 */
import { ApiError, isAbort } from '../api-client';
import type { WhatsAppWebStatus } from '../api-types';
import { h, replaceChildren } from '../dom';
import { explainError } from '../error-messages';
import { formatDateTime } from '../format';
import { canEdit } from '../session';
import { screenHeading, type View, type ViewContext } from '../view-context';

/** How often the screen asks for the state (the QR code changes about every 20 s). */
export const CHANNELS_REFRESH_MS = 3000;

const STATE_TEXT: Record<WhatsAppWebStatus['state'], string> = {
  starting: 'Starting WhatsApp Web…',
  qr: 'Not linked: scan the QR code with the store’s phone.',
  authenticated: 'Linked; loading the chats…',
  ready: 'Connected.',
  disconnected: 'Disconnected.',
};

/** The WhatsApp Web panel for one status. */
export function whatsAppWebPanel(status: WhatsAppWebStatus, locale: string): HTMLElement {
  const iso = (ms: number) => new Date(ms).toISOString();
  const facts: HTMLElement[] = [h('p', { 'data-testid': 'whatsapp-web-state', class: `state state-${status.state}` }, STATE_TEXT[status.state])];
  if (status.me) facts.push(h('p', {}, `Phone: ${status.me.name ? `${status.me.name} (${status.me.id})` : status.me.id}`));
  if (status.state === 'qr' && (status.qrImage || status.qr)) {
    facts.push(
      status.qrImage
        ? h('img', { src: status.qrImage, alt: 'QR code to link the store’s phone to WhatsApp Web', width: '264', height: '264', 'data-testid': 'whatsapp-web-qr' })
        : h('pre', { 'data-testid': 'whatsapp-web-qr', class: 'qr-text' }, status.qr ?? ''),
      h('p', { class: 'hint' }, 'On the phone: WhatsApp > Settings > Linked devices > Link a device, then point the camera at the code.'),
    );
  }
  if (status.error) facts.push(h('p', { class: 'field-error' }, `Last error: ${status.error}`));
  if (status.reconnectAt) facts.push(h('p', {}, `Next attempt: ${formatDateTime(iso(status.reconnectAt), locale)}`));
  facts.push(h('p', { class: 'hint' }, `Since ${formatDateTime(iso(status.since), locale)}${status.whatsAppState ? ` · WhatsApp: ${status.whatsAppState}` : ''}`));
  return h('div', {}, ...facts);
}

/** Builds the channels screen. */
export function channelsView(ctx: ViewContext): View {
  const title = 'Channels';
  const panel = h('div', { 'aria-live': 'polite' }, h('p', { role: 'status' }, 'Loading…'));
  const section = h('section', { 'aria-labelledby': 'whatsapp-web-title' }, h('h2', { id: 'whatsapp-web-title' }, 'WhatsApp (linked phone)'), panel);
  if (!canEdit(ctx.session)) {
    replaceChildren(panel, h('p', { class: 'read-only-note' }, 'Linking the store’s phone is for admins; your token has the agent role.'));
  } else {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refresh = async (): Promise<void> => {
      try {
        replaceChildren(panel, whatsAppWebPanel(await ctx.api.whatsAppWebStatus(), ctx.locale));
      } catch (error) {
        if (isAbort(error)) return;
        if (error instanceof ApiError && (error.status === 404 || error.status === 503)) {
          // 404: this server does not hold the phone (WHATSAPP_WEB_ENABLED is off here, or another workspace's).
          replaceChildren(panel, h('p', { 'data-testid': 'whatsapp-web-state' }, error.status === 503 ? 'Starting WhatsApp Web…' : 'WhatsApp Web is not enabled for this store on this server (WHATSAPP_WEB_ENABLED, WHATSAPP_WEB_WORKSPACE).'));
        } else {
          replaceChildren(panel, h('p', { class: 'field-error' }, explainError(error, ctx.session.role).headline));
        }
      }
      if (!ctx.signal.aborted) timer = setTimeout(() => void refresh(), CHANNELS_REFRESH_MS);
    };
    ctx.signal.addEventListener('abort', () => clearTimeout(timer));
    void refresh();
  }
  const element = h(
    'section',
    { class: 'screen channels' },
    screenHeading(title),
    section,
    h(
      'section',
      { 'aria-labelledby': 'other-channels-title' },
      h('h2', { id: 'other-channels-title' }, 'Other channels'),
      h('p', {}, 'The web widget, the WhatsApp Cloud API and Microsoft Bot Framework are configured on the server (see the README, "Channels").'),
    ),
  );
  return { element, title };
}
