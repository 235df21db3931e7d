/** The built `translate` CLI (`npm run translate`), run as a process the way a user runs it. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../platform/paths';

const run = promisify(execFile);
const cli = join(projectRoot, 'dist/scripts/translate.js');
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...(process.env.TEST_APERTIUM_URL ? { TRANSLATION_APERTIUM_URL: process.env.TEST_APERTIUM_URL } : {}) };

describe('npm run translate', () => {
  it.each([
    ['es', '¿Dónde está mi pedido A1B2C3? Lo necesito antes del viernes', /Friday/],
    ['fr', 'Où est ma commande A1B2C3 ? J’en ai besoin avant vendredi', /Friday/],
    ['pt', 'Onde está o meu pedido A1B2C3? Preciso dele antes de sexta-feira', /Friday/],
  ])('prints an English translation of a %s message with the order number intact', async (from, text, expected) => {
    const { stdout } = await run(process.execPath, [cli, '--from', from, '--to', 'en', text], { env, timeout: 30_000 });
    expect(stdout).toContain('A1B2C3');
    expect(stdout).toMatch(expected);
  });

  it('prints JSON with the backend, and explains bad usage and unknown pairs', async () => {
    const { stdout } = await run(process.execPath, [cli, '--from', 'en', '--to', 'es', '--json', 'Thank you'], { env, timeout: 30_000 });
    expect(JSON.parse(stdout)).toMatchObject({ backend: 'apertium-apy', from: 'en', to: 'es' });
    await expect(run(process.execPath, [cli, '--from', 'es', 'hola'], { env })).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('usage: npm run translate') });
    await expect(run(process.execPath, [cli, '--from', 'de', '--to', 'en', 'Hallo'], { env, timeout: 30_000 })).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('cannot translate de to en') });
  });
});
