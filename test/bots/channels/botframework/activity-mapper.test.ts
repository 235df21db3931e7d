import type { Activity } from 'botbuilder';
import { boundedKey, conversationKeyOf, mapMessageActivity, messageText, type MappedActivity } from '../../../../bots/channels/botframework/activity-mapper';
import type { InboundMessage } from '../../../../bots/runtime/conversation-store';

const context = { workspaceId: 'ws-1', receivedAt: 1_700_000_000_000, maxTextLength: 4000 };

function activity(overrides: Partial<Activity> = {}): Activity {
  return {
    type: 'message',
    id: 'm-1',
    channelId: 'webchat',
    serviceUrl: 'https://webchat.botframework.com/',
    conversation: { id: 'DL-conv-1', isGroup: false, conversationType: '', name: '' },
    from: { id: 'dl_user', name: 'Ana' },
    recipient: { id: 'shop-bot', name: 'Shop Bot' },
    text: 'hola',
    ...overrides,
  } as Activity;
}

/** The inbound message of a mapping that must be one. */
function messageOf(mapped: MappedActivity): InboundMessage {
  if (mapped.kind !== 'message') throw new Error(`expected a message, got ${mapped.kind}`);
  return mapped.message;
}

describe('mapMessageActivity', () => {
  it('maps a Web Chat message to an inbound message of the botframework channel', () => {
    expect(mapMessageActivity(activity({ locale: 'pt-BR' }), context)).toEqual({
      kind: 'message',
      message: {
        workspaceId: 'ws-1',
        channel: 'botframework',
        conversationKey: 'webchat:DL-conv-1',
        sender: { externalId: 'webchat:dl_user', displayName: 'Ana' },
        channelMessageId: 'webchat:DL-conv-1|m-1',
        text: 'hola',
        locale: 'pt-BR',
        receivedAt: 1_700_000_000_000,
      },
    });
  });

  it('keeps the same activity id in two conversations apart (Teams ids are only unique per conversation)', () => {
    const first = messageOf(mapMessageActivity(activity({ channelId: 'msteams', id: '1700000000000', conversation: { id: 'a:1one' } as Activity['conversation'] }), context));
    const second = messageOf(mapMessageActivity(activity({ channelId: 'msteams', id: '1700000000000', conversation: { id: 'a:1two' } as Activity['conversation'] }), context));
    expect(first.channelMessageId).not.toBe(second.channelMessageId);
  });

  it('leaves out a sender name the channel does not give', () => {
    expect(messageOf(mapMessageActivity(activity({ from: { id: 'anon', name: '' } }), context)).sender).toEqual({ externalId: 'webchat:anon' });
  });

  it('reads the payload of a pressed button from the value, and ignores values of other shapes', () => {
    expect(mapMessageActivity(activity({ text: '', value: { payload: 'human_agent', title: 'Hablar con alguien' } }), context)).toMatchObject({
      kind: 'message',
      message: { text: 'Hablar con alguien', quickReplyPayload: 'human_agent' },
    });
    // A messageBack sends its own text next to the value: the text the shopper saw wins.
    expect(mapMessageActivity(activity({ text: 'Hablar', value: { payload: 'human_agent' } }), context)).toMatchObject({ message: { text: 'Hablar', quickReplyPayload: 'human_agent' } });
    expect(messageOf(mapMessageActivity(activity({ text: 'hola', value: { action: 'something-else' } }), context)).quickReplyPayload).toBeUndefined();
  });

  it('ignores an empty message, a copy of the text alone and the bot itself', () => {
    expect(mapMessageActivity(activity({ text: '   ' }), context)).toEqual({ kind: 'ignored', reason: 'empty' });
    expect(mapMessageActivity(activity({ text: undefined, attachments: [{ contentType: 'text/html', content: '<p></p>' }] }), context)).toEqual({ kind: 'ignored', reason: 'empty' });
    expect(mapMessageActivity(activity({ from: { id: 'shop-bot', name: 'Shop Bot' } }), context)).toEqual({ kind: 'ignored', reason: 'own-message' });
  });

  describe('with attachments', () => {
    it('hands on a file alone as a message whose attachment keeps its reference, described for the agents', () => {
      const teamsFile = {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        contentUrl: 'https://contoso-my.sharepoint.com/personal/ana/Documents/factura.pdf',
        name: 'factura.pdf',
        content: { downloadUrl: 'https://contoso-my.sharepoint.com/download.aspx?tempauth=x', uniqueId: 'u-1', fileType: 'pdf' },
      };
      expect(messageOf(mapMessageActivity(activity({ text: undefined, attachments: [teamsFile] }), context))).toMatchObject({
        text: '[document: factura.pdf]',
        attachment: { kind: 'document', filename: 'factura.pdf', url: teamsFile.contentUrl },
        channelMessageId: 'webchat:DL-conv-1|m-1',
      });
    });

    it("keeps the shopper's words as the caption of the attachment", () => {
      const message = messageOf(mapMessageActivity(activity({ text: 'Llegó roto', attachments: [{ contentType: 'image/png', contentUrl: 'https://smba.example/v3/attachments/1/views/original', name: 'foto.png' }] }), context));
      expect(message.text).toBe('[image: foto.png] Llegó roto');
      expect(message.attachment).toEqual({ kind: 'image', mimeType: 'image/png', filename: 'foto.png', url: 'https://smba.example/v3/attachments/1/views/original', caption: 'Llegó roto' });
    });

    it('keeps a formatted text without an attachment of its own', () => {
      const message = messageOf(mapMessageActivity(activity({ text: 'hola', attachments: [{ contentType: 'text/html', content: '<p>hola</p>' }] }), context));
      expect(message).not.toHaveProperty('attachment');
      expect(message.text).toBe('hola');
    });
  });
});

describe('messageText', () => {
  it('removes the mention of the bot but not of other people, without changing the activity', () => {
    const source = activity({
      text: '<at>Shop Bot</at> ask <at>Dana</at> please',
      entities: [
        { type: 'mention', text: '<at>Shop Bot</at>', mentioned: { id: 'shop-bot', name: 'Shop Bot' } },
        { type: 'mention', text: '<at>Dana</at>', mentioned: { id: 'dana', name: 'Dana' } },
      ],
    });
    expect(messageText(source)).toBe('ask <at>Dana</at> please');
    expect(source.text).toBe('<at>Shop Bot</at> ask <at>Dana</at> please');
  });
});

describe('boundedKey', () => {
  it('keeps keys that fit the database, and replaces longer ones by a stable hash', () => {
    expect(boundedKey('msteams', 'a:1short')).toBe('msteams:a:1short');
    const long = `19:${'x'.repeat(300)}@thread.tacv2;messageid=1`;
    const key = boundedKey('msteams', long);
    expect(key).toMatch(/^msteams:sha256:[0-9a-f]{64}$/);
    expect(boundedKey('msteams', long)).toBe(key);
    expect(boundedKey('msteams', `${long}2`)).not.toBe(key);
    expect(conversationKeyOf({ channelId: 'msteams', conversation: { id: long } as Activity['conversation'] })).toBe(key);
  });
});
