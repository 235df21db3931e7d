/**
 * The recommender artefact: gzip of a length-prefixed JSON header (format, version, kind, parameters, metrics,
 * item ids, section table) followed by the typed-array sections, each 8-byte aligned. Loading checks format, kind
 * and version, so an artefact from another model or an older layout fails with a message to retrain.
 */
import { gunzipSync, gzipSync } from 'node:zlib';

/** Format name written into every recommender artefact. */
export const RECOMMENDER_ARTEFACT_FORMAT = 'polyglot-desk.recommender';

/** A typed array a section may hold. */
export type SectionArray = Float32Array | Float64Array | Int32Array | Uint8Array;

type SectionType = 'f32' | 'f64' | 'i32' | 'u8';

interface SectionEntry {
  name: string;
  type: SectionType;
  length: number;
}

/** What the header says besides the section table. */
export interface ArtefactHeader<P = unknown, M = unknown> {
  kind: string;
  version: number;
  params: P;
  metrics?: M;
  itemIds: readonly string[];
}

/** The error for an artefact that is not what the loader expects. */
export class RecommenderArtefactError extends Error {
  override readonly name = 'RecommenderArtefactError';
}

const typeOf = (a: SectionArray): SectionType =>
  a instanceof Float32Array ? 'f32' : a instanceof Float64Array ? 'f64' : a instanceof Int32Array ? 'i32' : 'u8';

const BYTES: Record<SectionType, number> = { f32: 4, f64: 8, i32: 4, u8: 1 };

/** Packs a header and named sections into one artefact. */
export function packRecommenderArtefact(header: ArtefactHeader, sections: Record<string, SectionArray>): Buffer {
  const entries: SectionEntry[] = Object.entries(sections).map(([name, a]) => ({ name, type: typeOf(a), length: a.length }));
  const json = Buffer.from(JSON.stringify({ format: RECOMMENDER_ARTEFACT_FORMAT, ...header, sections: entries }), 'utf8');
  const parts: Buffer[] = [];
  const prefix = Buffer.alloc(4);
  prefix.writeUInt32LE(json.length);
  parts.push(prefix, json);
  let offset = 4 + json.length;
  for (const a of Object.values(sections)) {
    const pad = (8 - (offset % 8)) % 8;
    if (pad) parts.push(Buffer.alloc(pad));
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(bytes);
    offset += pad + bytes.length;
  }
  return gzipSync(Buffer.concat(parts), { level: 1 });
}

/**
 * Opens an artefact made by {@link packRecommenderArtefact}, checking it is a `kind` artefact of `version`.
 * Sections are copied into fresh, aligned typed arrays.
 * @throws RecommenderArtefactError naming what does not fit.
 */
export function unpackRecommenderArtefact<P, M = unknown>(
  artefact: Uint8Array,
  kind: string,
  version: number,
): { header: ArtefactHeader<P, M>; sections: Map<string, SectionArray> } {
  let raw: Buffer;
  try {
    raw = gunzipSync(artefact);
  } catch {
    throw new RecommenderArtefactError(`This is not a recommender artefact (not gzip data); retrain the ${kind} model`);
  }
  type StoredHeader = ArtefactHeader<P, M> & { format?: unknown; sections?: SectionEntry[] };
  const readHeader = (): { header: StoredHeader; length: number } | null => {
    try {
      const length = raw.readUInt32LE(0);
      const parsed = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as StoredHeader | null;
      return parsed && typeof parsed === 'object' ? { header: parsed, length } : null;
    } catch {
      return null;
    }
  };
  const read = readHeader();
  if (!read || read.header.format !== RECOMMENDER_ARTEFACT_FORMAT || !Array.isArray(read.header.sections)) {
    throw new RecommenderArtefactError(`This is not a recommender artefact (no readable header); retrain the ${kind} model`);
  }
  const { header, length } = read;
  if (header.kind !== kind || header.version !== version) {
    throw new RecommenderArtefactError(
      `Artefact ${String(header.kind)} v${String(header.version)} does not fit the ${kind} v${version} loader; retrain the model or load it with its own kind`,
    );
  }
  const sections = new Map<string, SectionArray>();
  let offset = 4 + length;
  for (const entry of header.sections ?? []) {
    offset += (8 - (offset % 8)) % 8;
    const bytes = entry.length * BYTES[entry.type];
    if (offset + bytes > raw.length) throw new RecommenderArtefactError(`Artefact section ${entry.name} is truncated; retrain the ${kind} model`);
    const copy = new Uint8Array(raw.subarray(offset, offset + bytes));
    const array: SectionArray =
      entry.type === 'f32'
        ? new Float32Array(copy.buffer, 0, entry.length)
        : entry.type === 'f64'
          ? new Float64Array(copy.buffer, 0, entry.length)
          : entry.type === 'i32'
            ? new Int32Array(copy.buffer, 0, entry.length)
            : copy;
    sections.set(entry.name, array);
    offset += bytes;
  }
  const rest: ArtefactHeader<P, M> = { kind: header.kind, version: header.version, params: header.params, itemIds: header.itemIds };
  if (header.metrics !== undefined) rest.metrics = header.metrics;
  return { header: rest, sections };
}

/**
 * The kind written in an artefact's header, to pick its loader.
 * @throws RecommenderArtefactError when it is not a recommender artefact.
 */
export function artefactKind(artefact: Uint8Array): string {
  try {
    const raw = gunzipSync(artefact);
    const header = JSON.parse(raw.subarray(4, 4 + raw.readUInt32LE(0)).toString('utf8')) as { format?: unknown; kind?: unknown } | null;
    if (header && header.format === RECOMMENDER_ARTEFACT_FORMAT && typeof header.kind === 'string') return header.kind;
  } catch {
    // Reported below.
  }
  throw new RecommenderArtefactError('This is not a recommender artefact (no readable header); retrain the model');
}

/** Typed access to an unpacked section. */
export function section<T extends SectionArray>(sections: Map<string, SectionArray>, name: string, type: new (n: number) => T, kind: string): T {
  const s = sections.get(name);
  if (!(s instanceof type)) throw new RecommenderArtefactError(`Artefact has no ${name} section of the expected type; retrain the ${kind} model`);
  return s;
}
