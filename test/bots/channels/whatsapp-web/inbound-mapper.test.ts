import { MessageMedia, MessageTypes } from 'whatsapp-web.js';
import { mapInbound, type InboundMapping } from '../../../../bots/channels/whatsapp-web';
import { FakeWhatsApp, type IncomingMessage } from '../../../support/fake-whatsapp-client';

describe('mapInbound', () => {
  const world = new FakeWhatsApp();
  world.createClient();
  const context = { workspaceId: 'ws-1', allowGroups: false, receivedAt: 1_700_000_000_000 };
  const map = (input: IncomingMessage, overrides: Partial<typeof context> = {}): InboundMapping =>
    mapInbound(world.client.buildIncoming(input), { ...context, ...overrides });
  const photo = new MessageMedia('image/jpeg', Buffer.from('jpeg bytes').toString('base64'), null, 10);

  describe('with a text from a shopper', () => {
    it('hands on the text, keyed by the chat, with the message id and the name the shopper set', () => {
      const mapping = map({ from: '4915112345678@c.us', body: '  Wo ist meine Bestellung?  ', id: 'ABC123', notifyName: 'Jana' });
      expect(mapping).toEqual({
        kind: 'accept',
        inbound: {
          workspaceId: 'ws-1',
          channel: 'whatsapp-web',
          conversationKey: '4915112345678@c.us',
          sender: { externalId: '4915112345678@c.us', displayName: 'Jana' },
          channelMessageId: 'false_4915112345678@c.us_ABC123',
          text: 'Wo ist meine Bestellung?',
          receivedAt: 1_700_000_000_000,
        },
      });
    });

    it('ignores an empty text', () => {
      expect(map({ from: '4915112345678@c.us', body: '   ' })).toEqual({ kind: 'ignore', reason: 'empty' });
    });
  });

  describe('with messages the bot must not answer', () => {
    it('ignores status updates', () => {
      expect(map({ from: '4915112345678@c.us', body: 'my holiday', isStatus: true })).toEqual({ kind: 'ignore', reason: 'status' });
    });

    it("ignores the phone's own messages", () => {
      expect(map({ from: '4915112345678@c.us', body: 'sent from the phone', fromMe: true })).toEqual({ kind: 'ignore', reason: 'own' });
    });

    it('ignores group chats unless groups are allowed, and then names the author as the sender', () => {
      const input = { from: '120363025246125486@g.us', author: '4915112345678@c.us', body: 'Is the store open?' };
      expect(map(input)).toEqual({ kind: 'ignore', reason: 'group' });
      const allowed = map(input, { allowGroups: true });
      expect(allowed).toMatchObject({ kind: 'accept', inbound: { conversationKey: '120363025246125486@g.us', sender: { externalId: '4915112345678@c.us' } } });
    });

    it('ignores system notices such as revoked messages', () => {
      expect(map({ from: '4915112345678@c.us', type: MessageTypes.REVOKED })).toEqual({ kind: 'ignore', reason: 'system' });
    });
  });

  describe('with media', () => {
    it('describes a wordless voice note as an attachment whose file is still to download', () => {
      const mapping = map({ from: '4915112345678@c.us', type: MessageTypes.VOICE, media: new MessageMedia('audio/ogg; codecs=opus', 'AAAA', null, 3) });
      expect(mapping).toMatchObject({
        kind: 'accept',
        inbound: { text: '[voice note]', attachment: { kind: 'voice', mimeType: 'audio/ogg; codecs=opus', bytes: 3 } },
        media: { kind: 'voice' },
      });
    });

    it('keeps the caption of an image as the words of the attachment', () => {
      const mapping = map({ from: '4915112345678@c.us', media: photo, caption: ' It arrived broken ' });
      expect(mapping).toMatchObject({ kind: 'accept', inbound: { text: '[image] It arrived broken', attachment: { kind: 'image', caption: 'It arrived broken' } }, media: { kind: 'image' } });
    });

    it('names a document by its file name', () => {
      const pdf = new MessageMedia('application/pdf', 'JVBERi0=', 'invoice.pdf', 5);
      const mapping = map({ from: '4915112345678@c.us', type: MessageTypes.DOCUMENT, media: pdf, filename: 'invoice.pdf' });
      expect(mapping).toMatchObject({ inbound: { text: '[document: invoice.pdf]', attachment: { kind: 'document', filename: 'invoice.pdf', mimeType: 'application/pdf' } }, media: { kind: 'document' } });
    });

    it('keeps a sticker as an attachment of its own kind', () => {
      const sticker = new MessageMedia('image/webp', 'UklGRg==', null, 4);
      const mapping = map({ from: '4915112345678@c.us', type: MessageTypes.STICKER, media: sticker });
      expect(mapping).toMatchObject({ inbound: { text: '[sticker]', attachment: { kind: 'sticker', mimeType: 'image/webp' } }, media: { kind: 'sticker' } });
    });
  });

  it('describes a shared location with its place and coordinates', () => {
    const mapping = map({ from: '4915112345678@c.us', location: { lat: 52.516275, lng: 13.377704, loc: 'Brandenburger Tor\nPariser Platz, Berlin' } });
    expect(mapping).toEqual({
      kind: 'accept',
      inbound: expect.objectContaining({
        text: '[location] Brandenburger Tor, Pariser Platz, Berlin (52.516275, 13.377704)',
        attachment: { kind: 'location', location: { latitude: 52.516275, longitude: 13.377704, name: 'Brandenburger Tor', address: 'Pariser Platz, Berlin' } },
      }),
    });
  });

  it('turns a pressed list row into a quick-reply payload', () => {
    const mapping = map({ from: '4915112345678@c.us', type: MessageTypes.LIST_RESPONSE, body: 'Track my order', selectedRowId: 'track_order' });
    expect(mapping).toMatchObject({ inbound: { text: 'Track my order', quickReplyPayload: 'track_order' } });
  });

  it('turns a pressed button into a quick-reply payload', () => {
    const mapping = map({ from: '4915112345678@c.us', type: MessageTypes.BUTTONS_RESPONSE, body: 'Yes', selectedButtonId: 'confirm_yes' });
    expect(mapping).toMatchObject({ inbound: { text: 'Yes', quickReplyPayload: 'confirm_yes' } });
  });

  it('keeps a contact card as an unsupported attachment, without the raw vCard', () => {
    expect(map({ from: '4915112345678@c.us', type: MessageTypes.CONTACT_CARD, body: 'BEGIN:VCARD\nFN:Max\nEND:VCARD' })).toMatchObject({
      inbound: { text: '[contact card]', attachment: { kind: 'unsupported', providerType: MessageTypes.CONTACT_CARD } },
    });
  });

  it('keeps other kinds the bot cannot read with their title for the agents, not as words to answer', () => {
    const mapping = map({ from: '4915112345678@c.us', type: MessageTypes.POLL_CREATION, body: 'Which colour?' });
    expect(mapping).toMatchObject({ inbound: { text: '[poll_creation] Which colour?', attachment: { kind: 'unsupported', providerType: 'poll_creation' } } });
    expect(mapping).not.toHaveProperty('inbound.attachment.caption');
  });
});
