import { Redis } from 'ioredis';
import { createSlackWebClient, IdempotentSlackPoster, POST_EVENT_TYPE, SlackRetryableError, SlackSender } from '../../../../bots/channels/slack';
import { FakeSlack } from '../../../support/fake-slack';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../../support/services';

const BOT_TOKEN = 'xoxb-test-token';

describe('IdempotentSlackPoster', () => {
  let fake: FakeSlack;
  let redis: Redis;
  let prefix: string;
  let poster: IdempotentSlackPoster;

  beforeEach(async () => {
    fake = await new FakeSlack({ botToken: BOT_TOKEN, channels: ['C0AGENTS'] }).start();
    redis = new Redis(REDIS_URL);
    prefix = uniquePrefix('post');
    poster = new IdempotentSlackPoster(new SlackSender(createSlackWebClient({ botToken: BOT_TOKEN, apiUrl: fake.apiUrl })), redis, prefix);
  });

  afterEach(async () => {
    await fake.stop();
    await deleteRedisPrefix(prefix);
    redis.disconnect();
  });

  it('posts once per key and carries the key in invisible metadata', async () => {
    const first = await poster.post('relay:m1', { channel: 'C0AGENTS', text: 'hello' });
    const again = await poster.post('relay:m1', { channel: 'C0AGENTS', text: 'hello' });
    expect(again).toEqual(first);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]?.metadata).toEqual({ event_type: POST_EVENT_TYPE, event_payload: { key: 'relay:m1' } });
    await poster.post('relay:m2', { channel: 'C0AGENTS', text: 'hello' });
    expect(fake.messages).toHaveLength(2);
  });

  it('finds a post whose answer was lost instead of posting it again, in a thread and in the channel', async () => {
    const root = await poster.post('thread:h1', { channel: 'C0AGENTS', text: 'root' });
    fake.loseAnswerOfNext(1);
    await expect(poster.post('relay:m3', { channel: 'C0AGENTS', threadTs: root.ts, text: 'shopper: where is my order?' })).rejects.toBeInstanceOf(SlackRetryableError);
    expect(fake.messages).toHaveLength(2);
    const retried = await poster.post('relay:m3', { channel: 'C0AGENTS', threadTs: root.ts, text: 'shopper: where is my order?' });
    expect(fake.messages).toHaveLength(2);
    expect(retried.ts).toBe(fake.messages[1]?.ts);
    expect(fake.callsOf('conversations.replies')).toHaveLength(1);

    fake.loseAnswerOfNext(1);
    await expect(poster.post('thread:h2', { channel: 'C0AGENTS', text: 'second root' })).rejects.toBeInstanceOf(SlackRetryableError);
    const found = await poster.post('thread:h2', { channel: 'C0AGENTS', text: 'second root' });
    expect(fake.messages.filter((m) => m.text === 'second root')).toEqual([expect.objectContaining({ ts: found.ts })]);
  });

  it('posts on a retry when the failed attempt never reached Slack', async () => {
    fake.failNext(1);
    await expect(poster.post('relay:m4', { channel: 'C0AGENTS', text: 'x' })).rejects.toBeInstanceOf(SlackRetryableError);
    expect(fake.messages).toHaveLength(0);
    await poster.post('relay:m4', { channel: 'C0AGENTS', text: 'x' });
    expect(fake.messages).toHaveLength(1);
  });
});
