import type { WireMessage } from '../../../bots/channels/webchat/protocol-types';
import { TabSync, acknowledgedMessage } from '../../../web/widget/tab-sync';

describe('acknowledgedMessage', () => {
  it('rebuilds the stored shopper message from what was sent and the acknowledgement', () => {
    const message = acknowledgedMessage(
      { clientMessageId: 'c1', text: 'Hola', at: '2026-11-23T00:00:00.000Z' },
      { ok: true, messageId: 'm1', seq: 3, duplicate: false },
    );
    expect(message).toEqual({
      id: 'm1',
      seq: 3,
      direction: 'in',
      author: 'shopper',
      text: 'Hola',
      clientMessageId: 'c1',
      at: '2026-11-23T00:00:00.000Z',
    });
  });
});

describe('TabSync', () => {
  it('delivers one tab’s announcement to the other tabs of the same workspace only', async () => {
    const received: WireMessage[] = [];
    const otherStore: WireMessage[] = [];
    const sender = new TabSync('demo', () => undefined);
    const listener = new TabSync('demo', (message) => received.push(message));
    const elsewhere = new TabSync('another-store', (message) => otherStore.push(message));
    const message = acknowledgedMessage({ clientMessageId: 'c2', text: 'hi', at: 'now' }, { ok: true, messageId: 'm2', seq: 1, duplicate: false });
    sender.announce(message);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received).toEqual([message]);
    expect(otherStore).toEqual([]);
    for (const tab of [sender, listener, elsewhere]) tab.close();
  });
});
