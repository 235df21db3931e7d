import { attachmentText, mapWebhook, WebhookPayloadError, type MappedWebhook } from '../../../../bots/channels/whatsapp-cloud/inbound-mapper';
import {
  buttonReplyExample,
  documentExample,
  envelope,
  failedStatusExample,
  imageExample,
  listReplyExample,
  locationExample,
  PHONE_NUMBER_ID,
  reactionExample,
  SHOPPER,
  statusExample,
  stickerExample,
  templateButtonExample,
  textExample,
  unsupportedExample,
  voiceExample,
} from './meta-examples';

const context = { phoneNumberId: PHONE_NUMBER_ID, workspaceId: 'ws-1', receivedAt: 1_750_000_000_000 };
const map = (body: unknown): MappedWebhook => mapWebhook(body, context);
const only = (body: unknown) => {
  const mapped = map(body);
  expect(mapped.inbound).toHaveLength(1);
  return mapped.inbound[0]!;
};

describe('mapWebhook', () => {
  describe("with Meta's documented message examples", () => {
    it('maps a text message to an inbound message keyed by the wa_id, named after the profile, identified by the wamid', () => {
      const { message, media } = only(textExample);
      expect(message).toEqual({
        workspaceId: 'ws-1',
        channel: 'whatsapp',
        conversationKey: SHOPPER.waId,
        sender: { externalId: SHOPPER.waId, displayName: SHOPPER.name },
        channelMessageId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
        text: 'Does it come in another color?',
        receivedAt: context.receivedAt,
      });
      expect(media).toBeUndefined();
    });

    it('takes the row id of a list reply as the quick-reply payload and its title as the text', () => {
      const { message } = only(listReplyExample);
      expect(message.quickReplyPayload).toBe('priority_express');
      expect(message.text).toBe('Priority Mail Express');
    });

    it('takes the button id of a button reply as the quick-reply payload', () => {
      const { message } = only(buttonReplyExample);
      expect(message.quickReplyPayload).toBe('cancel-button');
      expect(message.text).toBe('Cancel');
    });

    it("takes a template quick-reply button's payload", () => {
      const { message } = only(templateButtonExample);
      expect(message).toMatchObject({ text: 'Unsubscribe', quickReplyPayload: 'Unsubscribe' });
    });

    it('describes an image with its caption and asks for its file by media id', () => {
      const { message, media } = only(imageExample);
      expect(message.text).toBe('[image] Is this the right one?');
      expect(message.attachment).toEqual({ kind: 'image', mimeType: 'image/jpeg', caption: 'Is this the right one?' });
      expect(media).toEqual({ mediaId: '1003383421387256', mimeType: 'image/jpeg', sha256: 'uutF+JZ8WBcvY5ChTxTrGtz8LNTmTvkRoZDQ6q6eVOU=' });
    });

    it('tells a voice note from other audio', () => {
      const { message, media } = only(voiceExample);
      expect(message.text).toBe('[voice note]');
      expect(message.attachment?.kind).toBe('voice');
      expect(media?.mediaId).toBe('1157440692619016');
    });

    it('names a document by its file name', () => {
      const { message } = only(documentExample);
      expect(message.text).toBe('[document: invoice-4271.pdf] Here is the invoice');
      expect(message.attachment).toMatchObject({ kind: 'document', filename: 'invoice-4271.pdf' });
    });

    it('keeps a sticker as an attachment', () => {
      const { message, media } = only(stickerExample);
      expect(message.text).toBe('[sticker]');
      expect(media?.mimeType).toBe('image/webp');
    });

    it('writes a location as coordinates, name and address', () => {
      const { message, media } = only(locationExample);
      expect(message.text).toBe('[location] 37.483307,-122.148981 Meta Headquarters, 1 Hacker Way, Menlo Park, CA 94025');
      expect(message.attachment).toEqual({
        kind: 'location',
        location: { latitude: 37.483307, longitude: -122.148981, name: 'Meta Headquarters', address: '1 Hacker Way, Menlo Park, CA 94025' },
      });
      expect(media).toBeUndefined();
    });

    it('hands an unsupported message on as such, for the polite answer', () => {
      const { message } = only(unsupportedExample);
      expect(message.text).toBe('[unsupported message: unsupported]');
      expect(message.attachment).toEqual({ kind: 'unsupported', providerType: 'unsupported' });
    });

    it('leaves reactions alone', () => {
      const mapped = map(reactionExample);
      expect(mapped.inbound).toEqual([]);
      expect(mapped.ignoredMessages).toBe(1);
    });
  });

  describe('with receipts', () => {
    it('maps delivered and read receipts with their time', () => {
      for (const status of ['sent', 'delivered', 'read'] as const) {
        const mapped = map(statusExample('wamid.OUT1', status));
        expect(mapped.statuses).toEqual([{ providerMessageId: 'wamid.OUT1', status, at: 1_750_263_773_000 }]);
      }
    });

    it("keeps Meta's reason of a failed delivery", () => {
      const [status] = map(failedStatusExample('wamid.OUT2')).statuses;
      expect(status).toMatchObject({ providerMessageId: 'wamid.OUT2', status: 'failed' });
      expect(status?.error).toBe('131047 Re-engagement message: Message failed to send because more than 24 hours have passed since the customer last replied to this number.');
    });

    it('ignores statuses the platform does not track', () => {
      expect(map(envelope({ statuses: [{ id: 'wamid.X', status: 'deleted', recipient_id: SHOPPER.waId }] })).statuses).toEqual([]);
    });
  });

  describe('with changes that are not for this number', () => {
    it("ignores another phone number's messages", () => {
      const body = envelope({ messages: [{ from: '1', id: 'wamid.A', type: 'text', text: { body: 'hi' } }] }, '999999');
      expect(map(body)).toMatchObject({ inbound: [], statuses: [], ignoredChanges: 1 });
    });

    it('ignores other objects and fields', () => {
      expect(map({ object: 'page', entry: [{ id: '1', changes: [{ field: 'feed', value: {} }] }] })).toMatchObject({ inbound: [], ignoredChanges: 1 });
      expect(map({ object: 'whatsapp_business_account', entry: [{ id: '1', changes: [{ field: 'account_update', value: { event: 'X' } }] }] }).ignoredChanges).toBe(1);
    });

    it('reports errors Meta sends about the number', () => {
      const body = envelope({ errors: [{ code: 130429, title: 'Rate limit hit', error_data: { details: 'Too many messages' } }] });
      expect(map(body).errors).toEqual(['130429 Rate limit hit: Too many messages']);
    });
  });

  describe('with bodies that do not have the documented shape', () => {
    it.each([
      ['no entry', { object: 'whatsapp_business_account' }, /^body\.entry: /],
      ['a message without id', envelope({ messages: [{ from: '1', type: 'text', text: { body: 'x' } }] }), /messages\.0\.id/],
      ['an image message without its image', envelope({ messages: [{ from: '1', id: 'w', type: 'image' }] }), /messages\.0\.image: a message of type image needs its "image" object/],
      ['a list reply without the reply', envelope({ messages: [{ from: '1', id: 'w', type: 'interactive', interactive: { type: 'list_reply' } }] }), /interactive\.list_reply/],
      ['another messaging product', envelope({ messaging_product: 'instagram' }), /messaging_product/],
    ])('refuses %s, naming the field', (_name, body, pattern) => {
      expect(() => map(body)).toThrow(WebhookPayloadError);
      expect(() => map(body)).toThrow(pattern);
    });

    it('keeps a message of a type it does not know, as unsupported', () => {
      const body = envelope({ messages: [{ from: '1', id: 'wamid.N', type: 'order', order: { catalog_id: 'c' } }] });
      expect(map(body).inbound[0]?.message).toMatchObject({ text: '[unsupported message: order]', attachment: { kind: 'unsupported', providerType: 'order' } });
    });
  });
});

describe('attachmentText', () => {
  it('notes a file that was not kept', () => {
    expect(attachmentText({ kind: 'video', caption: 'unboxing', notKept: 'too_large' })).toBe('[video (not kept: too large)] unboxing');
    expect(attachmentText({ kind: 'audio', notKept: 'unavailable' })).toBe('[audio (not kept: unavailable)]');
  });
});
