import { parseReference, serializeReference } from '../../../../bots/channels/botframework/conversation-address-store';

const reference = {
  activityId: '1700000000000',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversation: { id: 'a:1x', conversationType: 'personal', tenantId: 't-1', isGroup: false, name: '' },
  bot: { id: '28:bot', name: 'Shop Bot' },
  user: { id: '29:shopper', name: 'Sam' },
  locale: 'es-ES',
};

describe('conversation references', () => {
  it('are stored without the activity id, so they stay the same from message to message', () => {
    const json = serializeReference(reference);
    expect(JSON.parse(json).activityId).toBeUndefined();
    expect(serializeReference({ ...reference, activityId: '1700000000001' })).toBe(json);
    expect(parseReference(json)).toMatchObject({ channelId: 'msteams', conversation: { id: 'a:1x', tenantId: 't-1' }, bot: { id: '28:bot' } });
  });

  it('read as missing when absent, not JSON, or lacking where to send', () => {
    expect(parseReference(null)).toBeUndefined();
    expect(parseReference('{not json')).toBeUndefined();
    expect(parseReference(JSON.stringify({ ...reference, serviceUrl: undefined }))).toBeUndefined();
    expect(parseReference(JSON.stringify({ ...reference, conversation: {} }))).toBeUndefined();
  });
});
