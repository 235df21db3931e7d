import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArtefactCache } from '../../../workers/model-registry/artefact-cache';

describe('ArtefactCache', () => {
  let root: string;
  let folder: string;
  let cache: ArtefactCache;
  const fingerprint = 'f'.repeat(64);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'pgdesk-artefact-cache-'));
    // A folder that does not exist yet: the first write creates it.
    folder = join(root, 'nested', 'cache');
    cache = new ArtefactCache(folder);
  });

  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  describe('when an entry was written', () => {
    it('reads back the same kind, metrics and bytes', () => {
      const artefact = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
      const metrics = { accuracy: 0.93, examples: 120, perLanguage: { en: 0.95 } };
      cache.write('intent-classifier', fingerprint, { kind: 'linear-svm', artefact, metrics });
      const read = cache.read('intent-classifier', fingerprint);
      expect(read).toEqual({ kind: 'linear-svm', metrics, artefact });
      expect(read?.artefact.equals(artefact)).toBe(true);
    });

    it('keeps it apart from other fingerprints and components', () => {
      cache.write('intent-classifier', fingerprint, { kind: 'linear-svm', artefact: Buffer.from('a'), metrics: {} });
      expect(cache.read('intent-classifier', 'e'.repeat(64))).toBeUndefined();
      expect(cache.read('retriever', fingerprint)).toBeUndefined();
    });

    it('is readable by another cache on the same folder (another process)', () => {
      cache.write('intent-classifier', fingerprint, { kind: 'naive-bayes', artefact: Buffer.from('nb'), metrics: { accuracy: 1 } });
      expect(new ArtefactCache(folder).read('intent-classifier', fingerprint)?.kind).toBe('naive-bayes');
    });

    it('leaves no temporary files behind, only the data and meta files', () => {
      cache.write('intent-classifier', fingerprint, { kind: 'linear-svm', artefact: Buffer.from('x'), metrics: {} });
      cache.write('intent-classifier', fingerprint, { kind: 'linear-svm', artefact: Buffer.from('y'), metrics: {} });
      expect(readdirSync(folder).sort()).toEqual([`intent-classifier-${fingerprint}.bin`, `intent-classifier-${fingerprint}.json`]);
      expect(cache.read('intent-classifier', fingerprint)?.artefact.toString()).toBe('y');
    });
  });

  describe('when nothing was written', () => {
    it('reads nothing, even before the folder exists', () => {
      expect(existsSync(folder)).toBe(false);
      expect(cache.read('intent-classifier', fingerprint)).toBeUndefined();
    });
  });

  describe('when an entry is damaged', () => {
    beforeEach(() => {
      cache.write('intent-classifier', fingerprint, { kind: 'linear-svm', artefact: Buffer.from('weights'), metrics: { accuracy: 0.9 } });
    });

    it('counts unparsable metadata as missing', () => {
      writeFileSync(join(folder, `intent-classifier-${fingerprint}.json`), '{"kind": "linear-sv');
      expect(cache.read('intent-classifier', fingerprint)).toBeUndefined();
    });

    it('counts a missing data file as missing', () => {
      rmSync(join(folder, `intent-classifier-${fingerprint}.bin`));
      expect(cache.read('intent-classifier', fingerprint)).toBeUndefined();
    });

    it('counts a missing metadata file as missing', () => {
      rmSync(join(folder, `intent-classifier-${fingerprint}.json`));
      expect(cache.read('intent-classifier', fingerprint)).toBeUndefined();
    });

    it('is replaced by the next write', () => {
      writeFileSync(join(folder, `intent-classifier-${fingerprint}.json`), 'not json');
      cache.write('intent-classifier', fingerprint, { kind: 'linear-svm', artefact: Buffer.from('fresh'), metrics: { accuracy: 0.8 } });
      expect(cache.read('intent-classifier', fingerprint)).toEqual({
        kind: 'linear-svm',
        metrics: { accuracy: 0.8 },
        artefact: Buffer.from('fresh'),
      });
    });
  });
});
