/**
 * What every intent classifier shares after scoring: the artefact framing (gzip of a length-prefixed JSON header and
 * a binary body, with the header's format, version and kind checked on load), and the decision from raw scores
 * (temperature softmax, ranking, out-of-scope by class or threshold).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { softmax } from './calibration';
import { ArtefactFormatError, OUT_OF_SCOPE, type IntentPrediction } from './intent-classifier';

/** How many intents a prediction ranks. */
const RANKING_SIZE = 5;

/** What identifies an artefact's layout. */
export interface ArtefactIdentity {
  format: string;
  version: number;
  kind: string;
}

/** Frames `header` and `body` as one gzip artefact. */
export function packArtefact(header: ArtefactIdentity, body: Uint8Array): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  return gzipSync(Buffer.concat([length, json, body]));
}

/**
 * Opens an artefact made by {@link packArtefact} and checks it is `expected`.
 * @throws ArtefactFormatError saying what does not fit and to retrain.
 */
export function unpackArtefact<H extends ArtefactIdentity>(artefact: Buffer, expected: ArtefactIdentity): { header: H; body: Buffer } {
  let raw: Buffer;
  try {
    raw = gunzipSync(artefact);
  } catch {
    throw new ArtefactFormatError(`This artefact is not a ${expected.kind} intent model (not gzip data); retrain the model`);
  }
  let length: number;
  let header: H | null;
  try {
    length = raw.readUInt32LE(0);
    header = JSON.parse(raw.subarray(4, 4 + length).toString('utf8')) as H | null;
  } catch {
    throw new ArtefactFormatError(`This artefact is not a ${expected.kind} intent model (no readable header); retrain the model`);
  }
  if (typeof header !== 'object' || header === null) {
    throw new ArtefactFormatError(`This artefact is not a ${expected.kind} intent model (no readable header); retrain the model`);
  }
  if (header.format !== expected.format || header.version !== expected.version || header.kind !== expected.kind) {
    throw new ArtefactFormatError(
      `Artefact ${header.format} v${header.version} (${header.kind}) does not fit ${expected.format} v${expected.version} (${expected.kind}); retrain the model`,
    );
  }
  return { header, body: raw.subarray(4 + length) };
}

/** Calibrated decision from raw class scores (`probabilities` is a reusable buffer of the class count). */
export function decideIntent(
  scores: ArrayLike<number>,
  model: { temperature: number; threshold: number; intents: readonly string[]; outOfScopeIndex: number },
  probabilities: Float64Array<ArrayBufferLike>,
): IntentPrediction {
  softmax(scores, model.temperature, probabilities);
  const order = Array.from(probabilities.keys()).sort((a, b) => probabilities[b]! - probabilities[a]!);
  const ranking = order.slice(0, RANKING_SIZE).map((i) => ({ intent: model.intents[i]!, confidence: probabilities[i]! }));
  const best = order[0]!;
  const confidence = probabilities[best]!;
  const intent = best === model.outOfScopeIndex || confidence < model.threshold ? OUT_OF_SCOPE : model.intents[best]!;
  return { intent, confidence, ranking };
}
