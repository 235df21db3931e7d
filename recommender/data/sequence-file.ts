/**
 * Reading the files of the published sequential-recommendation benchmarks (S3-Rec/ICLRec): a sequence file, one
 * user per line `user item1 item2 ...` in time order, and an item attribute file, JSON `{item: [attribute, ...]}`.
 * Both may be gzipped (recognised by their content, not their name).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { ItemContent, UserSequence } from './interaction-data';

/** The error for a file that does not have the expected format; the message names the file and line. */
export class SequenceFileError extends Error {
  override readonly name = 'SequenceFileError';
}

/** Reads a file, un-gzipping it when it starts with the gzip magic bytes. */
export function readMaybeGzipped(path: string): string {
  const raw = readFileSync(path);
  return (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
}

/**
 * Parses sequence text: one user per line, fields separated by white space, the user id first. Empty lines are
 * skipped; a line with a user but no items is kept as an empty sequence.
 * @throws SequenceFileError for a repeated user (with both line numbers).
 */
export function parseSequences(text: string, source = 'input'): UserSequence[] {
  const sequences: UserSequence[] = [];
  const firstLine = new Map<string, number>();
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const fields = lines[n]!.trim().split(/\s+/).filter(Boolean);
    if (!fields.length) continue;
    const user = fields[0]!;
    const earlier = firstLine.get(user);
    if (earlier !== undefined) throw new SequenceFileError(`${source}:${n + 1}: user ${user} already has a sequence on line ${earlier}; one line per user`);
    firstLine.set(user, n + 1);
    sequences.push({ user, items: fields.slice(1) });
  }
  return sequences;
}

/** Reads a sequence file (see {@link parseSequences}). */
export function readSequenceFile(path: string): UserSequence[] {
  return parseSequences(readMaybeGzipped(path), path);
}

/**
 * Parses an item attribute file `{item: [attribute, ...]}` into catalogue content (attribute values become the
 * tokens `attribute ids as strings`).
 * @throws SequenceFileError when the JSON is not an object of arrays.
 */
export function parseItemAttributes(text: string, source = 'input'): ItemContent[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SequenceFileError(`${source}: not JSON (${(error as Error).message}); expected {"item": [attribute, ...]}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SequenceFileError(`${source}: expected a JSON object {"item": [attribute, ...]}`);
  }
  const content: ItemContent[] = [];
  for (const [id, values] of Object.entries(parsed as Record<string, unknown>)) {
    if (!Array.isArray(values)) throw new SequenceFileError(`${source}: item ${id} has ${typeof values} instead of an array of attributes`);
    content.push({ id, attributes: values.map(String) });
  }
  return content;
}

/** Reads an item attribute file (see {@link parseItemAttributes}). */
export function readItemAttributesFile(path: string): ItemContent[] {
  return parseItemAttributes(readMaybeGzipped(path), path);
}
