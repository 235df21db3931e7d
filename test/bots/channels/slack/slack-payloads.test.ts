import { deliveryKey, toHandoffAction, toSlashCommand, toThreadMessage } from '../../../../bots/channels/slack';

const reply = (event: Record<string, unknown>) => ({
  type: 'event_callback',
  team_id: 'T1',
  event_id: 'Ev1',
  event: { type: 'message', channel: 'C1', user: 'U1', text: 'hi', ts: '2.0', thread_ts: '1.0', ...event },
});

describe('toThreadMessage', () => {
  it('maps a person\'s thread reply', () => {
    expect(toThreadMessage(reply({}))).toEqual({ teamId: 'T1', channel: 'C1', threadTs: '1.0', ts: '2.0', userId: 'U1', text: 'hi', isNote: false });
  });

  it('keeps a reply also sent to the channel', () => {
    expect(toThreadMessage(reply({ subtype: 'thread_broadcast' }))?.text).toBe('hi');
  });

  it.each(['Note: call back tomorrow', 'private:call back tomorrow', '  NOTE :  call back tomorrow'])('reads %j as an internal note', (text) => {
    expect(toThreadMessage(reply({ text }))).toMatchObject({ isNote: true, text: 'call back tomorrow' });
  });

  it.each([
    ['a deletion', { subtype: 'message_deleted' }],
    ['a bot', { bot_id: 'B1' }],
    ['a message without author', { user: undefined }],
    ['another event type', { type: 'reaction_added' }],
  ])('ignores %s', (_label, event) => {
    expect(toThreadMessage(reply(event))).toBeUndefined();
  });
});

describe('toHandoffAction', () => {
  const click = (action: Record<string, unknown>) => ({
    type: 'block_actions',
    team: { id: 'T1' },
    user: { id: 'U1' },
    trigger_id: 'tr1',
    container: { message_ts: '1.0', channel_id: 'C1' },
    actions: [{ action_id: 'handoff_claim', block_id: 'handoff:conv-9', value: 'conv-9', ...action }],
  });

  it('takes the conversation from the block id, the channel and message from the container', () => {
    expect(toHandoffAction(click({}))).toEqual({ type: 'claim', conversationId: 'conv-9', userId: 'U1', teamId: 'T1', channel: 'C1', messageTs: '1.0' });
  });

  it('ignores controls that are not ours', () => {
    expect(toHandoffAction(click({ action_id: 'something_else' }))).toBeUndefined();
  });

  it('ignores a click that names no conversation', () => {
    expect(toHandoffAction(click({ block_id: 'other', value: undefined }))).toBeUndefined();
  });
});

describe('toSlashCommand', () => {
  it('maps the form fields and trims the text', () => {
    expect(toSlashCommand({ command: '/handoff', text: ' list ', user_id: 'U1', team_id: 'T1', channel_id: 'C1', trigger_id: 'tr' })).toEqual({
      command: '/handoff', text: 'list', userId: 'U1', teamId: 'T1', channel: 'C1', triggerId: 'tr',
    });
  });
});

describe('deliveryKey', () => {
  it('keys events by event_id, clicks and commands by trigger_id', () => {
    expect(deliveryKey(reply({}))).toBe('event:Ev1');
    expect(deliveryKey({ type: 'block_actions', trigger_id: 'tr1', actions: [] })).toBe('action:tr1');
    expect(deliveryKey({ command: '/handoff', trigger_id: 'tr2' })).toBe('command:tr2');
  });

  it('leaves url_verification and unknown payloads unkeyed', () => {
    expect(deliveryKey({ type: 'url_verification', challenge: 'c' })).toBeUndefined();
  });
});
