import { createSlackWebClient, SlackPermanentError, SlackUserDirectory } from '../../../../bots/channels/slack';
import { FakeSlack } from '../../../support/fake-slack';

const BOT_TOKEN = 'xoxb-test-token';

describe('SlackUserDirectory', () => {
  let fake: FakeSlack;
  let clock: number;
  let directory: SlackUserDirectory;
  beforeEach(async () => {
    fake = await new FakeSlack({
      botToken: BOT_TOKEN,
      users: [
        { id: 'U0ANA', name: 'ana', profile: { display_name: 'Ana G.', real_name: 'Ana García', email: 'ana@example.com' } },
        { id: 'U0BEN', name: 'ben', real_name: 'Ben Stone', profile: { display_name: '' } },
      ],
    }).start();
    clock = 1_000_000;
    directory = new SlackUserDirectory(createSlackWebClient({ botToken: BOT_TOKEN, apiUrl: fake.apiUrl }), { ttlMs: 60_000, now: () => clock });
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('resolves a user to the display name and e-mail', async () => {
    expect(await directory.lookup('U0ANA')).toEqual({ userId: 'U0ANA', displayName: 'Ana G.', email: 'ana@example.com' });
  });

  it('falls back to the real name when the display name is empty', async () => {
    expect(await directory.lookup('U0BEN')).toEqual({ userId: 'U0BEN', displayName: 'Ben Stone' });
  });

  it('asks Slack once for repeated and concurrent lookups', async () => {
    await Promise.all([directory.lookup('U0ANA'), directory.lookup('U0ANA')]);
    await directory.lookup('U0ANA');
    expect(fake.callsOf('users.info')).toHaveLength(1);
  });

  it('asks again once the entry is older than the TTL', async () => {
    await directory.lookup('U0ANA');
    clock += 60_001;
    await directory.lookup('U0ANA');
    expect(fake.callsOf('users.info')).toHaveLength(2);
  });

  it('does not cache failures', async () => {
    fake.failNext(1);
    await expect(directory.lookup('U0ANA')).rejects.toThrow('Slack answered HTTP 500');
    expect((await directory.lookup('U0ANA')).displayName).toBe('Ana G.');
  });

  it('reports an unknown user as permanent', async () => {
    await expect(directory.lookup('U0GHOST')).rejects.toBeInstanceOf(SlackPermanentError);
  });
});
