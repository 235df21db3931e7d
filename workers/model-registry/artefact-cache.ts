/**
 * A folder of trained built-in artefacts keyed by component and training-data fingerprint. Training the built-in
 * intent model takes tens of seconds; with the cache a fresh database (a new deployment, every test run) installs
 * the same artefact in milliseconds. Entries are immutable: a fingerprint names exactly one training set.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A cached artefact and the metrics it was trained with. */
export interface CachedArtefact {
  kind: string;
  artefact: Buffer;
  metrics: Record<string, unknown>;
}

/** See the file comment. */
export class ArtefactCache {
  constructor(private readonly folder: string) {}

  private paths(component: string, fingerprint: string): { data: string; meta: string } {
    const base = join(this.folder, `${component}-${fingerprint}`);
    return { data: `${base}.bin`, meta: `${base}.json` };
  }

  /** The cached artefact for this fingerprint, if any (an unreadable entry counts as missing). */
  read(component: string, fingerprint: string): CachedArtefact | undefined {
    const { data, meta } = this.paths(component, fingerprint);
    if (!existsSync(data) || !existsSync(meta)) return undefined;
    try {
      const { kind, metrics } = JSON.parse(readFileSync(meta, 'utf8')) as { kind: string; metrics: Record<string, unknown> };
      return { kind, metrics, artefact: readFileSync(data) };
    } catch {
      return undefined;
    }
  }

  /** Stores an artefact; written to a temporary name and renamed, so readers never see half a file. */
  write(component: string, fingerprint: string, entry: CachedArtefact): void {
    mkdirSync(this.folder, { recursive: true });
    const { data, meta } = this.paths(component, fingerprint);
    const suffix = `.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(data + suffix, entry.artefact);
    writeFileSync(meta + suffix, JSON.stringify({ kind: entry.kind, metrics: entry.metrics }));
    renameSync(data + suffix, data);
    renameSync(meta + suffix, meta);
  }
}
