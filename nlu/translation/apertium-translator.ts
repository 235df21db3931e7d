/**
 * Machine translation offline with Apertium (Debian packages apertium-eng-spa, apertium-fr-es, apertium-es-pt): rule
 * based, fast, no model download. English <-> Spanish directly; French and Portuguese through Spanish.
 *
 * Each translation runs the mode's pipeline as a child process (`apertium -u <mode>`, ~0.1 s); callers use it where a
 * message needs it (a question the knowledge base cannot match in the shopper's language), not on every message.
 */
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { APERTIUM_MODES, routePair } from './apertium-pairs';
import { TranslationError, type Translator } from './translator';

export { TranslationError, type Translator } from './translator';

const run = promisify(execFile);

/** Options of {@link ApertiumTranslator}. */
export interface ApertiumOptions {
  /** The `apertium` command. @defaultValue 'apertium' */
  command?: string;
  /** Kills a translation that takes longer. @defaultValue 10000 */
  timeoutMs?: number;
}

/** See the file comment. Build it with {@link ApertiumTranslator.detect} so only installed modes are offered. */
export class ApertiumTranslator implements Translator {
  readonly name = 'apertium-cli';

  private constructor(
    private readonly modes: ReadonlySet<string>,
    private readonly options: Required<ApertiumOptions>,
  ) {}

  /** The translator with the modes installed here, or undefined when Apertium is not installed. */
  static async detect(options: ApertiumOptions = {}): Promise<ApertiumTranslator | undefined> {
    const resolved = { command: options.command ?? 'apertium', timeoutMs: options.timeoutMs ?? 10_000 };
    try {
      const { stdout } = await run(resolved.command, ['-l'], { timeout: 5000 });
      const installed = new Set(stdout.split(/\s+/).filter(Boolean));
      const usable = new Set(Object.values(APERTIUM_MODES).filter((mode) => installed.has(mode)));
      return usable.size ? new ApertiumTranslator(usable, resolved) : undefined;
    } catch {
      return undefined;
    }
  }

  /** The chain of modes for a pair: direct, or through Spanish. */
  private route(from: string, to: string): string[] | undefined {
    const available = new Set(Object.entries(APERTIUM_MODES).filter(([, mode]) => this.modes.has(mode)).map(([pair]) => pair));
    return routePair(from, to, available)?.map(([a, b]) => APERTIUM_MODES[`${a}>${b}`]!);
  }

  supports(from: string, to: string): boolean {
    return this.route(from, to) !== undefined;
  }

  async translate(text: string, from: string, to: string): Promise<string> {
    const route = this.route(from, to);
    if (!route) throw new TranslationError(`Apertium cannot translate ${from} to ${to} here`);
    let current = text;
    for (const mode of route) current = await this.runMode(mode, current);
    return current;
  }

  private async runMode(mode: string, text: string): Promise<string> {
    // The input goes through a file: Apertium's text deformatter opens /dev/stdin by name, which fails on the socket
    // Node gives a child as its stdin. Line breaks are kept (Apertium translates line by line, so paragraphs and list
    // items stay apart); a last line without a line break would be dropped, hence the one added.
    const input = join(tmpdir(), `apertium-${randomUUID()}.txt`);
    await writeFile(input, `${text.replace(/\r\n?/g, '\n')}\n`, 'utf8');
    try {
      return await new Promise<string>((resolve, reject) => {
        // `-u`: no `*` marks on unknown words (names, order numbers and brands pass through as written).
        const child = spawn(this.options.command, ['-u', mode, input], { stdio: ['ignore', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        const timer = setTimeout(() => child.kill('SIGKILL'), this.options.timeoutMs);
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', (error) => {
          clearTimeout(timer);
          reject(new TranslationError(`Apertium (${mode}) could not start: ${error.message}`));
        });
        child.on('close', (code, signal) => {
          clearTimeout(timer);
          const problem = Buffer.concat(err).toString('utf8').trim();
          if (code === 0 && !problem) resolve(Buffer.concat(out).toString('utf8').trim());
          else reject(new TranslationError(`Apertium (${mode}) failed (${signal ?? `exit ${code}`}): ${problem.slice(0, 300)}`));
        });
      });
    } finally {
      await rm(input, { force: true });
    }
  }
}
