import { execFileSync } from 'node:child_process';
import { ApertiumApyTranslator, TranslationError } from '../../../nlu/translation';

/** Process ids of every descendant of `pid` (the service's translation pipelines). */
function descendantsOf(pid: number): Set<number> {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found = new Set<number>();
  let frontier = [pid];
  while (frontier.length) {
    const next = rows.filter(([, parent]) => frontier.includes(parent)).map(([child]) => child).filter((child) => !found.has(child));
    for (const child of next) found.add(child);
    frontier = next;
  }
  return found;
}

describe('ApertiumApyTranslator (Debian apertium-apy, started by the test)', () => {
  let translator: ApertiumApyTranslator;

  beforeAll(async () => {
    translator = await ApertiumApyTranslator.start();
  }, 30_000);

  afterAll(async () => {
    await translator?.close();
  });

  it('reads the installed pairs and routes French, Portuguese and Italian to English through Spanish', () => {
    for (const [from, to] of [['es', 'en'], ['en', 'es'], ['fr', 'en'], ['en', 'fr'], ['pt', 'en'], ['en', 'pt'], ['it', 'en']]) {
      expect(translator.supports(from!, to!)).toBe(true);
    }
    expect(translator.supports('de', 'en')).toBe(false);
  });

  it('translates Spanish and French shopper messages into English and an English reply back', async () => {
    expect((await translator.translate('¿Cuánto cuesta el envío a Alemania?', 'es', 'en')).toLowerCase()).toMatch(/germany/);
    expect((await translator.translate('Combien coûte la livraison en Belgique ?', 'fr', 'en')).toLowerCase()).toMatch(/belgium/);
    expect(await translator.translate('Thank you for your patience', 'en', 'es')).toMatch(/paciencia/i);
  });

  it('keeps one pipeline per pair running between messages instead of starting one per message', async () => {
    await translator.translate('hola', 'es', 'en');
    const servicePid = (translator as unknown as { child: { pid: number } }).child.pid;
    const pipeline = descendantsOf(servicePid);
    expect(pipeline.size).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) await translator.translate(`Mi pedido número ${i} no ha llegado`, 'es', 'en');
    // The same processes are still there: the messages went through the warm pipeline (its speed is benchmarked, not asserted).
    const after = descendantsOf(servicePid);
    for (const pid of pipeline) expect(after.has(pid)).toBe(true);
  });

  it('comes back after its service dies', async () => {
    const pid = (translator as unknown as { child: { pid: number } }).child.pid;
    process.kill(pid, 'SIGKILL');
    const until = Date.now() + 20_000;
    let result = '';
    while (Date.now() < until) {
      try {
        result = await translator.translate('¿Dónde está mi pedido?', 'es', 'en');
        break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    expect(result.toLowerCase()).toMatch(/where/);
  }, 30_000);

  it('refuses an unknown pair and an unreachable service with a TranslationError', async () => {
    await expect(translator.translate('Hallo', 'de', 'en')).rejects.toBeInstanceOf(TranslationError);
    await expect(ApertiumApyTranslator.start({ url: 'http://127.0.0.1:9', timeoutMs: 500 })).rejects.toBeDefined();
  });
});
