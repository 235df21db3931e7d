/**
 * Apertium through apertium-apy, its HTTP service (Debian package `apertium-apy`): the service keeps one translation
 * pipeline per language pair running, so a message costs ~10 ms instead of starting a dozen processes (~100 ms).
 * Either an APY the operator runs (TRANSLATION_APERTIUM_URL), or one this process starts on a free loopback port and
 * restarts if it dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { APY_CODES, routePair } from './apertium-pairs';
import { TranslationError, type Translator } from './translator';

/** Options of {@link ApertiumApyTranslator.start}. */
export interface ApyOptions {
  /** Base URL of a running APY; absent: start one. */
  url?: string;
  /** The `apertium-apy` command. @defaultValue 'apertium-apy' */
  command?: string;
  /** Folder with Apertium's installed `.mode` files. @defaultValue '/usr/share/apertium/modes' */
  modesDir?: string;
  /** Per request. @defaultValue 10000 */
  timeoutMs?: number;
  /** Waiting for a started APY to answer. @defaultValue 20000 */
  startTimeoutMs?: number;
}

const ISO_BY_APY = new Map(Object.entries(APY_CODES).map(([iso, apy]) => [apy, iso]));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function listPairs(url: string, timeoutMs: number): Promise<Set<string>> {
  const response = await fetch(`${url}/listPairs`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok) throw new TranslationError(`apertium-apy at ${url} answered ${response.status} to /listPairs`);
  const body = (await response.json()) as { responseData?: Array<{ sourceLanguage: string; targetLanguage: string }> };
  const pairs = new Set<string>();
  for (const { sourceLanguage, targetLanguage } of body.responseData ?? []) {
    const from = ISO_BY_APY.get(sourceLanguage);
    const to = ISO_BY_APY.get(targetLanguage);
    if (from && to) pairs.add(`${from}>${to}`);
  }
  return pairs;
}

/** See the file comment. */
export class ApertiumApyTranslator implements Translator {
  readonly name = 'apertium-apy';
  private closed = false;

  private constructor(
    private url: string,
    private pairs: Set<string>,
    private readonly options: Required<Omit<ApyOptions, 'url'>>,
    private child: ChildProcess | undefined,
  ) {}

  /**
   * Connects to `options.url`, or starts an APY and waits until it answers.
   * @throws TranslationError when it cannot be reached or started (e.g. the package is not installed).
   */
  static async start(options: ApyOptions = {}): Promise<ApertiumApyTranslator> {
    const resolved = {
      command: options.command ?? 'apertium-apy',
      modesDir: options.modesDir ?? '/usr/share/apertium/modes',
      timeoutMs: options.timeoutMs ?? 10_000,
      startTimeoutMs: options.startTimeoutMs ?? 20_000,
    };
    if (options.url) {
      const url = options.url.replace(/\/+$/, '');
      return new ApertiumApyTranslator(url, await listPairs(url, resolved.timeoutMs), resolved, undefined);
    }
    const { url, child, pairs } = await ApertiumApyTranslator.launch(resolved);
    const translator = new ApertiumApyTranslator(url, pairs, resolved, child);
    translator.watch(child);
    return translator;
  }

  private static async launch(options: Required<Omit<ApyOptions, 'url'>>): Promise<{ url: string; child: ChildProcess; pairs: Set<string> }> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(options.command, ['-p', String(port), options.modesDir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let failure: Error | undefined;
    child.once('error', (error) => (failure = error));
    child.once('exit', (code) => (failure ??= new Error(`exited with code ${code}`)));
    // APY logs every request on stderr; only the last lines are kept, for the error message.
    let tail = '';
    child.stderr?.on('data', (chunk: Buffer) => (tail = (tail + chunk.toString('utf8')).slice(-2000)));
    const until = Date.now() + options.startTimeoutMs;
    for (;;) {
      if (failure) throw new TranslationError(`apertium-apy could not start (${failure.message}): ${tail.trim().split('\n').slice(-3).join(' | ')}`);
      try {
        return { url, child, pairs: await listPairs(url, 1000) };
      } catch {
        if (Date.now() > until) {
          child.kill('SIGKILL');
          throw new TranslationError(`apertium-apy did not answer on ${url} within ${options.startTimeoutMs} ms`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /** Restarts a started APY that dies (requests meanwhile fail and are retried by their callers or fall back). */
  private watch(child: ChildProcess): void {
    child.once('exit', () => {
      if (this.closed) return;
      ApertiumApyTranslator.launch(this.options)
        .then((started) => {
          if (this.closed) {
            started.child.kill();
            return;
          }
          this.url = started.url;
          this.pairs = started.pairs;
          this.child = started.child;
          this.watch(started.child);
        })
        .catch(() => {
          // Stays down; translate() reports the failure and callers relay untranslated.
        });
    });
  }

  /** Where the service answers. */
  get baseUrl(): string {
    return this.url;
  }

  supports(from: string, to: string): boolean {
    return routePair(from, to, this.pairs) !== undefined;
  }

  async translate(text: string, from: string, to: string): Promise<string> {
    const route = routePair(from, to, this.pairs);
    if (!route) throw new TranslationError(`Apertium has no ${from} -> ${to} pair here`);
    let current = text;
    for (const [a, b] of route) current = await this.hop(current, a, b);
    return current;
  }

  private async hop(text: string, from: string, to: string): Promise<string> {
    const body = new URLSearchParams({ langpair: `${APY_CODES[from]}|${APY_CODES[to]}`, q: text, markUnknown: 'no' });
    let response: Response;
    try {
      response = await fetch(`${this.url}/translate`, { method: 'POST', body, signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (error) {
      throw new TranslationError(`apertium-apy (${from}->${to}) is unreachable: ${(error as Error).message}`);
    }
    const json = (await response.json().catch(() => undefined)) as { responseData?: { translatedText?: string }; message?: string } | undefined;
    const translated = json?.responseData?.translatedText;
    if (!response.ok || typeof translated !== 'string') {
      throw new TranslationError(`apertium-apy (${from}->${to}) failed: ${response.status} ${json?.message ?? ''}`.trim());
    }
    return translated;
  }

  async close(): Promise<void> {
    this.closed = true;
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 3000).unref();
    });
  }
}
