import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, listSettings, loadConfig, redactConfig } from '../../config';

function captureConfigError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError, but nothing was thrown');
}

describe('loadConfig', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'pgdesk-config-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const writeFile = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  describe('when the environment is empty', () => {
    it('uses the documented defaults', () => {
      const config = loadConfig({ env: {} });
      expect(config.server).toEqual({ host: '127.0.0.1', port: 3000, trustProxy: false, jsonBodyLimit: '256kb', publicUrl: '' });
      expect(config.knowledge).toMatchObject({ seedDemo: true, answerThreshold: 0.25, outOfScopeThreshold: 0.6 });
      expect(config.translation.engine).toBe('auto');
      expect(config.database.url).toBe('sqlite:./data/polyglot-desk.sqlite');
      expect(config.redis).toEqual({ url: 'redis://127.0.0.1:6379', keyPrefix: 'pgdesk', startLocal: true });
      expect(config.workspace).toEqual({ defaultSlug: 'demo', defaultName: 'Demo Store', defaultLanguage: 'en' });
      expect(config.auth.adminToken).toBeUndefined();
      expect(config.chat.maxMessageLength).toBe(4000);
      expect(config.log).toEqual({ level: 'info', pretty: false });
    });
  });

  describe('when settings come from the environment', () => {
    it('turns PORT=8080 into the number 8080', () => {
      expect(loadConfig({ env: { PORT: '8080' } }).server.port).toBe(8080);
    });

    it.each([
      ['yes', true],
      ['on', true],
      ['1', true],
      ['no', false],
      ['off', false],
    ])('reads LOG_PRETTY=%s as %s', (raw, expected) => {
      expect(loadConfig({ env: { LOG_PRETTY: raw } }).log.pretty).toBe(expected);
    });

    it('ignores empty variables', () => {
      expect(loadConfig({ env: { PORT: '' } }).server.port).toBe(3000);
    });
  });

  describe('when PORT is invalid', () => {
    it.each(['abc', '70000', '-1', '80.5'])('refuses PORT=%s naming server.port and PORT', (raw) => {
      const error = captureConfigError(() => loadConfig({ env: { PORT: raw } }));
      expect(error.message).toContain('server.port');
      expect(error.message).toContain('PORT');
    });
  });

  describe('when a boolean variable holds a non-boolean word', () => {
    it('refuses it naming the key', () => {
      const error = captureConfigError(() => loadConfig({ env: { LOG_PRETTY: 'maybe' } }));
      expect(error.message).toContain('log.pretty (env LOG_PRETTY)');
    });
  });

  describe('when an embedding intent classifier is chosen without an embedding model', () => {
    it('refuses it naming the missing key, and accepts it with the model', () => {
      const error = captureConfigError(() => loadConfig({ env: { NLU_INTENT_CLASSIFIER: 'hybrid-embedding' } }));
      expect(error.message).toContain('models.embeddingModel (env MODELS_EMBEDDING)');
      expect(error.message).toContain('NLU_INTENT_CLASSIFIER=hybrid-embedding needs a sentence-embedding model');
      const config = loadConfig({ env: { NLU_INTENT_CLASSIFIER: 'embedding-head', MODELS_EMBEDDING: 'Xenova/multilingual-e5-small', NLU_EMBEDDING_PREFIX: 'query: ' } });
      expect(config.nlu.intentClassifier).toBe('embedding-head');
      expect(config.nlu.embeddingPrefix).toBe('query: ');
    });
  });

  describe('when Slack is configured', () => {
    const slackEnv = { SLACK_ENABLED: 'true', SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's3cret', SLACK_AGENTS_CHANNEL: 'C0AGENTS' };

    it('is off by default, pointing at Slack\'s API with no routes', () => {
      expect(loadConfig({ env: {} }).slack).toEqual({
        enabled: false, botToken: '', signingSecret: '', agentsChannel: '', agentLanguage: 'en', defaultWaitMinutes: 5, claimTimeoutMinutes: 10, socketMode: false, appToken: '', apiUrl: 'https://slack.com/api/', routes: [],
      });
    });

    it('refuses SLACK_ENABLED without the bot token, the channel and the signing secret, naming each key', () => {
      const error = captureConfigError(() => loadConfig({ env: { SLACK_ENABLED: 'true' } }));
      expect(error.message).toContain('slack.botToken (env SLACK_BOT_TOKEN)');
      expect(error.message).toContain('slack.agentsChannel (env SLACK_AGENTS_CHANNEL)');
      expect(error.message).toContain('slack.signingSecret (env SLACK_SIGNING_SECRET)');
    });

    it('needs the app token, not the signing secret, in Socket Mode', () => {
      const env = { ...slackEnv, SLACK_SIGNING_SECRET: '', SLACK_SOCKET_MODE: 'true' };
      const error = captureConfigError(() => loadConfig({ env }));
      expect(error.message).toContain('slack.appToken (env SLACK_APP_TOKEN)');
      expect(error.message).not.toContain('slack.signingSecret');
      expect(loadConfig({ env: { ...env, SLACK_APP_TOKEN: 'xapp-1' } }).slack.socketMode).toBe(true);
    });

    it('refuses a user token where the bot token belongs', () => {
      expect(captureConfigError(() => loadConfig({ env: { ...slackEnv, SLACK_BOT_TOKEN: 'xoxp-1' } })).message).toContain('must be a bot token');
    });

    it('reads SLACK_ROUTES as a JSON list of rules', () => {
      const routes = [{ language: 'de', channel: 'C0DE' }, { workspace: 'shop-b', intent: 'refund', channel: 'C0REFUND' }];
      expect(loadConfig({ env: { ...slackEnv, SLACK_ROUTES: JSON.stringify(routes) } }).slack.routes).toEqual(routes);
    });

    it.each([
      ['text that is not JSON', 'language=de', 'must be a JSON list'],
      ['a rule without conditions', '[{"channel":"C0X"}]', 'a rule needs workspace, language or intent'],
      ['a rule without channel', '[{"language":"de"}]', 'slack.routes.0.channel'],
      ['an unknown condition', '[{"country":"DE","channel":"C0X"}]', 'country'],
    ])('refuses %s in SLACK_ROUTES', (_label, raw, expected) => {
      const error = captureConfigError(() => loadConfig({ env: { ...slackEnv, SLACK_ROUTES: raw } }));
      expect(error.message).toContain('slack.routes');
      expect(error.message).toContain(expected);
    });

    it('hides the Slack tokens when the configuration is logged', () => {
      const dump = JSON.stringify(redactConfig(loadConfig({ env: slackEnv })));
      expect(dump).not.toContain('xoxb-1');
      expect(dump).not.toContain('s3cret');
    });
  });

  describe('when the YAML file has an unknown key', () => {
    it('refuses the file naming the key', () => {
      const file = writeFile('unknown.yaml', 'server:\n  port: 4000\n  colour: blue\n');
      const error = captureConfigError(() => loadConfig({ env: {}, file }));
      expect(error.message).toContain('colour');
      expect(error.message).toContain(file);
    });

    it('refuses an unknown section too', () => {
      const file = writeFile('unknown-section.yaml', 'servre:\n  port: 4000\n');
      expect(captureConfigError(() => loadConfig({ env: {}, file })).message).toContain('servre');
    });
  });

  describe('when the file cannot be used', () => {
    it('says that a missing file cannot be read', () => {
      const file = join(dir, 'missing.yaml');
      expect(captureConfigError(() => loadConfig({ env: {}, file })).message).toContain('Cannot read');
    });

    it('says that a list is not an object of sections', () => {
      const file = writeFile('list.yaml', '- a\n- b\n');
      expect(captureConfigError(() => loadConfig({ env: {}, file })).message).toContain('must hold an object');
    });
  });

  describe('when the same key is set in several places', () => {
    it('lets the environment win over the file and overrides win over both', () => {
      const file = writeFile('precedence.yaml', 'server:\n  port: 4000\n  host: 0.0.0.0\nlog:\n  level: debug\n');
      const fromFile = loadConfig({ env: {}, file });
      expect(fromFile.server.port).toBe(4000);
      expect(fromFile.server.host).toBe('0.0.0.0');

      const withEnv = loadConfig({ env: { PORT: '5000' }, file });
      expect(withEnv.server.port).toBe(5000);
      expect(withEnv.server.host).toBe('0.0.0.0');

      const withOverrides = loadConfig({ env: { PORT: '5000' }, file, overrides: { server: { port: 6000 } } });
      expect(withOverrides.server.port).toBe(6000);
      expect(withOverrides.server.host).toBe('0.0.0.0');
      expect(withOverrides.log.level).toBe('debug');
    });

    it('reads the file named by CONFIG_FILE', () => {
      const file = writeFile('via-env.yaml', 'chat:\n  historyLimit: 7\n');
      expect(loadConfig({ env: { CONFIG_FILE: file } }).chat.historyLimit).toBe(7);
    });
  });
});

describe('redactConfig', () => {
  it('hides the database URL, the Redis URL and the admin token', () => {
    const config = loadConfig({
      env: {
        DATABASE_URL: 'postgres://user:hunter2@db:5432/shop',
        REDIS_URL: 'redis://:s3cret@cache:6379',
        ADMIN_TOKEN: 'a-very-long-admin-token-0123456789',
      },
    });
    const redacted = redactConfig(config);
    expect(redacted.database?.url).toBe('[secret]');
    expect(redacted.redis?.url).toBe('[secret]');
    expect(redacted.auth?.adminToken).toBe('[secret]');
    const dump = JSON.stringify(redacted);
    expect(dump).not.toContain('hunter2');
    expect(dump).not.toContain('s3cret');
    expect(dump).not.toContain('0123456789');
    // Everything else stays readable, and the original is untouched.
    expect(redacted.server?.port).toBe(3000);
    expect(config.database.url).toBe('postgres://user:hunter2@db:5432/shop');
  });
});

describe('listSettings', () => {
  const settings = listSettings();

  it('lists every leaf of every section', () => {
    const config = loadConfig({ env: {} }) as unknown as Record<string, Record<string, unknown>>;
    const paths = settings.map((s) => s.path).sort();
    const leaves = Object.entries(config)
      .flatMap(([section, values]) => Object.keys(values).map((key) => `${section}.${key}`))
      .concat('auth.adminToken')
      .filter((path, index, all) => all.indexOf(path) === index)
      .sort();
    expect(paths).toEqual(leaves);
  });

  it('gives every setting an environment variable and a description', () => {
    for (const setting of settings) {
      expect(setting.env).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(setting.description.trim().length).toBeGreaterThan(10);
    }
  });

  it('uses each environment variable name once', () => {
    const names = settings.map((s) => s.env);
    expect(new Set(names).size).toBe(names.length);
  });

  it('marks exactly the secrets as secret', () => {
    expect(settings.filter((s) => s.secret).map((s) => s.env).sort()).toEqual([
      'ADMIN_TOKEN',
      'DATABASE_URL',
      'MICROSOFT_APP_PASSWORD',
      'REC_CLICK_SECRET',
      'REDIS_URL',
      'SLACK_APP_TOKEN',
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'SMTP_URL',
      'WHATSAPP_CLOUD_ACCESS_TOKEN',
      'WHATSAPP_CLOUD_APP_SECRET',
      'WHATSAPP_CLOUD_VERIFY_TOKEN',
    ]);
  });
});
