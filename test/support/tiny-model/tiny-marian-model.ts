/**
 * Writes a tiny Marian (opus-mt style) encoder-decoder in the Hugging Face hub layout that transformers.js v4 loads
 * for `pipeline('translation')`, so the translation runtime is tested offline on a real seq2seq model:
 *
 * - `onnx/encoder_model.onnx`: `input_ids, attention_mask -> last_hidden_state`, one projection per token, zero at
 *   padded positions.
 * - `onnx/decoder_model_merged.onnx`: `input_ids, encoder_attention_mask, encoder_hidden_states,
 *   past_key_values.0.decoder.{key,value} -> logits, present.0.decoder.{key,value}`: one self-attention layer with a
 *   real key/value cache (the new step's keys are concatenated to the past ones, as in an optimum export), one
 *   cross-attention layer over the encoder states with padding masked out, and the LM head. transformers.js feeds
 *   zero-length pasts on the first step (shapes from the input metadata) and the `present` outputs afterwards, one
 *   token per step. There is no `use_cache_branch` input and no encoder key/value cache: transformers.js only feeds
 *   inputs a session declares, and cross-attention is recomputed from `encoder_hidden_states` each step instead.
 *
 * Weights are random but seeded, so the same seed writes the same bytes and generation is deterministic.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeOnnxModel, OnnxDataType, type OnnxModel, type OnnxNode, type OnnxTensor } from './onnx-proto';
import { tinyMarianPieces, tinyMarianTokenizerConfig, tinyMarianTokenizerJson } from './tiny-marian-tokenizer';
import { mulberry32 } from '../../../nlu/intents/linear-svm';

/** Token ids fixed by the tokenizer (`</s>` 0, `<unk>` 1, `<pad>` 2). */
export const TINY_MARIAN_IDS = { eos: 0, unk: 1, pad: 2 } as const;

/** What {@link writeTinyMarianModel} wrote. */
export interface TinyMarianModel {
  /** Hub-style id (`org/name`); ends in `opus-mt-<from>-<to>` like the per-pair models. */
  modelId: string;
  /** The models folder (the runtime's `folder`). */
  folder: string;
  /** `<folder>/<modelId>`. */
  modelDir: string;
  /** Width of every hidden vector. */
  hiddenSize: number;
  vocabSize: number;
  /** The vocabulary, in id order. */
  pieces: string[];
}

/** Options of {@link writeTinyMarianModel}. */
export interface TinyMarianOptions {
  /** @defaultValue `'test-org/tiny-opus-mt-es-en'` */
  modelId?: string;
  /** @defaultValue 16 */
  hiddenSize?: number;
  /** Seed of the weights. @defaultValue 7 */
  seed?: number;
  /** Added to the `</s>` logit: higher ends generation sooner. @defaultValue 2 */
  eosBias?: number;
  /** `max_length` of generation_config.json (decoder start and `</s>` included). @defaultValue 24 */
  maxLength?: number;
}

function randomMatrix(random: () => number, rows: number, columns: number, scale: number): Float32Array {
  return Float32Array.from({ length: rows * columns }, () => (random() * 2 - 1) * scale);
}

function floats(name: string, dims: number[], values: Float32Array): OnnxTensor {
  return { name, dims, dataType: OnnxDataType.FLOAT, floats: values };
}

function scalar(name: string, value: number): OnnxTensor {
  return floats(name, [], Float32Array.of(value));
}

const AXES_1: OnnxTensor = { name: 'axes_1', dims: [1], dataType: OnnxDataType.INT64, int64s: [1] };

function node(opType: string, inputs: string[], output: string, attributes: OnnxNode['attributes'] = []): OnnxNode {
  return { opType, inputs, outputs: [output], attributes };
}

/** The encoder graph: `tanh(embeddings[input_ids] @ W + b) * attention_mask`. */
export function tinyMarianEncoderGraph(vocabSize: number, hiddenSize: number, seed: number): OnnxModel {
  const random = mulberry32(seed);
  const dynamic = ['batch_size', 'encoder_sequence_length'];
  return {
    graphName: 'tiny_marian_encoder',
    inputs: ['input_ids', 'attention_mask'].map((name) => ({ name, elemType: OnnxDataType.INT64, shape: dynamic })),
    outputs: [{ name: 'last_hidden_state', elemType: OnnxDataType.FLOAT, shape: [...dynamic, hiddenSize] }],
    initializers: [
      floats('embeddings', [vocabSize, hiddenSize], randomMatrix(random, vocabSize, hiddenSize, 1)),
      floats('weight', [hiddenSize, hiddenSize], randomMatrix(random, hiddenSize, hiddenSize, 0.8)),
      floats('bias', [hiddenSize], randomMatrix(random, 1, hiddenSize, 0.1)),
      { name: 'axes_last', dims: [1], dataType: OnnxDataType.INT64, int64s: [-1] },
    ],
    nodes: [
      node('Gather', ['embeddings', 'input_ids'], 'vectors', [{ name: 'axis', int: 0 }]),
      node('MatMul', ['vectors', 'weight'], 'projected'),
      node('Add', ['projected', 'bias'], 'biased'),
      node('Tanh', ['biased'], 'activated'),
      node('Cast', ['attention_mask'], 'mask_float', [{ name: 'to', int: OnnxDataType.FLOAT }]),
      node('Unsqueeze', ['mask_float', 'axes_last'], 'mask_column'),
      node('Mul', ['activated', 'mask_column'], 'last_hidden_state'),
    ],
  };
}

/** Small random output biases, plus `eosBias` on `</s>` so that some inputs end before the length limit. */
function lmBias(random: () => number, vocabSize: number, eosBias: number): Float32Array {
  const bias = randomMatrix(random, 1, vocabSize, 0.2);
  bias[TINY_MARIAN_IDS.eos] = (bias[TINY_MARIAN_IDS.eos] ?? 0) + eosBias;
  return bias;
}

/** The decoder graph described in the file comment (one head of width `hiddenSize`). */
export function tinyMarianDecoderGraph(vocabSize: number, hiddenSize: number, seed: number, eosBias: number): OnnxModel {
  const random = mulberry32(seed + 1);
  const d = hiddenSize;
  const past = (name: string) => ({
    name,
    elemType: OnnxDataType.FLOAT,
    // The symbolic names are what transformers.js resolves to build the empty first-step cache: batch_size -> the batch,
    // any other name -> 0; the head count and head width are fixed numbers.
    shape: ['batch_size', 1, 'past_decoder_sequence_length', d],
  });
  const present = (name: string) => ({
    name,
    elemType: OnnxDataType.FLOAT,
    shape: ['batch_size', 1, 'past_decoder_sequence_length + 1', d],
  });
  return {
    graphName: 'tiny_marian_decoder',
    inputs: [
      { name: 'encoder_attention_mask', elemType: OnnxDataType.INT64, shape: ['batch_size', 'encoder_sequence_length'] },
      { name: 'input_ids', elemType: OnnxDataType.INT64, shape: ['batch_size', 'decoder_sequence_length'] },
      { name: 'encoder_hidden_states', elemType: OnnxDataType.FLOAT, shape: ['batch_size', 'encoder_sequence_length', d] },
      past('past_key_values.0.decoder.key'),
      past('past_key_values.0.decoder.value'),
    ],
    outputs: [
      { name: 'logits', elemType: OnnxDataType.FLOAT, shape: ['batch_size', 'decoder_sequence_length', vocabSize] },
      present('present.0.decoder.key'),
      present('present.0.decoder.value'),
    ],
    initializers: [
      floats('embeddings', [vocabSize, d], randomMatrix(random, vocabSize, d, 1)),
      ...['self_q', 'self_k', 'self_v', 'cross_q', 'cross_k', 'cross_v'].map((name) =>
        floats(name, [d, d], randomMatrix(random, d, d, 0.8)),
      ),
      floats('lm_head', [d, vocabSize], randomMatrix(random, d, vocabSize, 1.5)),
      floats('lm_bias', [vocabSize], lmBias(random, vocabSize, eosBias)),
      scalar('scale', 1 / Math.sqrt(d)),
      scalar('one', 1),
      scalar('masked', -1e4),
      AXES_1,
    ],
    nodes: [
      node('Gather', ['embeddings', 'input_ids'], 'tokens', [{ name: 'axis', int: 0 }]),
      // Self-attention over the cache plus this step's tokens. Each generation step feeds one token, so nothing later
      // than it exists to be masked.
      node('MatMul', ['tokens', 'self_q'], 'q'),
      node('MatMul', ['tokens', 'self_k'], 'k'),
      node('MatMul', ['tokens', 'self_v'], 'v'),
      node('Unsqueeze', ['q', 'axes_1'], 'q_heads'),
      node('Unsqueeze', ['k', 'axes_1'], 'k_heads'),
      node('Unsqueeze', ['v', 'axes_1'], 'v_heads'),
      node('Concat', ['past_key_values.0.decoder.key', 'k_heads'], 'present.0.decoder.key', [{ name: 'axis', int: 2 }]),
      node('Concat', ['past_key_values.0.decoder.value', 'v_heads'], 'present.0.decoder.value', [{ name: 'axis', int: 2 }]),
      node('Transpose', ['present.0.decoder.key'], 'keys_t', [{ name: 'perm', ints: [0, 1, 3, 2] }]),
      node('MatMul', ['q_heads', 'keys_t'], 'self_scores'),
      node('Mul', ['self_scores', 'scale'], 'self_scaled'),
      node('Softmax', ['self_scaled'], 'self_weights', [{ name: 'axis', int: -1 }]),
      node('MatMul', ['self_weights', 'present.0.decoder.value'], 'self_context_heads'),
      node('Squeeze', ['self_context_heads', 'axes_1'], 'self_context'),
      node('Add', ['tokens', 'self_context'], 'hidden'),
      // Cross-attention over the encoder states; padded source positions get a large negative score.
      node('MatMul', ['hidden', 'cross_q'], 'cq'),
      node('MatMul', ['encoder_hidden_states', 'cross_k'], 'ck'),
      node('MatMul', ['encoder_hidden_states', 'cross_v'], 'cv'),
      node('Transpose', ['ck'], 'ck_t', [{ name: 'perm', ints: [0, 2, 1] }]),
      node('MatMul', ['cq', 'ck_t'], 'cross_scores'),
      node('Mul', ['cross_scores', 'scale'], 'cross_scaled'),
      node('Cast', ['encoder_attention_mask'], 'source_mask', [{ name: 'to', int: OnnxDataType.FLOAT }]),
      node('Sub', ['one', 'source_mask'], 'source_padding'),
      node('Mul', ['source_padding', 'masked'], 'padding_penalty'),
      node('Unsqueeze', ['padding_penalty', 'axes_1'], 'padding_penalty_row'),
      node('Add', ['cross_scaled', 'padding_penalty_row'], 'cross_masked'),
      node('Softmax', ['cross_masked'], 'cross_weights', [{ name: 'axis', int: -1 }]),
      node('MatMul', ['cross_weights', 'cv'], 'cross_context'),
      node('Add', ['hidden', 'cross_context'], 'combined'),
      node('Tanh', ['combined'], 'activated'),
      node('MatMul', ['activated', 'lm_head'], 'scores'),
      node('Add', ['scores', 'lm_bias'], 'logits'),
    ],
  };
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Writes `config.json`, `generation_config.json`, `tokenizer.json`, `tokenizer_config.json`,
 * `onnx/encoder_model.onnx` and `onnx/decoder_model_merged.onnx` under `<folder>/<modelId>/`.
 *
 * @example
 * const model = writeTinyMarianModel(mkdtempSync(join(tmpdir(), 'models-')));
 * const runtime = new TransformerModelRuntime({ folder: model.folder });
 * const [text] = await runtime.translator(model.modelId).translate(['hola'], { from: 'es', to: 'en' });
 */
export function writeTinyMarianModel(folder: string, options: TinyMarianOptions = {}): TinyMarianModel {
  const modelId = options.modelId ?? 'test-org/tiny-opus-mt-es-en';
  const hiddenSize = options.hiddenSize ?? 16;
  const seed = options.seed ?? 7;
  const maxLength = options.maxLength ?? 24;
  const pieces = tinyMarianPieces();
  const vocabSize = pieces.length;
  const modelDir = join(folder, ...modelId.split('/'));
  mkdirSync(join(modelDir, 'onnx'), { recursive: true });

  const { eos, pad } = TINY_MARIAN_IDS;
  writeJson(join(modelDir, 'config.json'), {
    model_type: 'marian',
    architectures: ['MarianMTModel'],
    is_encoder_decoder: true,
    d_model: hiddenSize,
    encoder_layers: 1,
    decoder_layers: 1,
    encoder_attention_heads: 1,
    decoder_attention_heads: 1,
    vocab_size: vocabSize,
    decoder_vocab_size: vocabSize,
    max_position_embeddings: 512,
    pad_token_id: pad,
    eos_token_id: eos,
    decoder_start_token_id: pad,
    forced_eos_token_id: eos,
  });
  // As opus-mt ships it: never generate <pad>, end with </s> at max_length, greedy.
  writeJson(join(modelDir, 'generation_config.json'), {
    bad_words_ids: [[pad]],
    bos_token_id: eos,
    decoder_start_token_id: pad,
    eos_token_id: eos,
    forced_eos_token_id: eos,
    max_length: maxLength,
    num_beams: 1,
    pad_token_id: pad,
  });
  writeJson(join(modelDir, 'tokenizer.json'), tinyMarianTokenizerJson(pieces));
  writeJson(join(modelDir, 'tokenizer_config.json'), tinyMarianTokenizerConfig(512));
  writeFileSync(join(modelDir, 'onnx', 'encoder_model.onnx'), encodeOnnxModel(tinyMarianEncoderGraph(vocabSize, hiddenSize, seed)));
  writeFileSync(
    join(modelDir, 'onnx', 'decoder_model_merged.onnx'),
    encodeOnnxModel(tinyMarianDecoderGraph(vocabSize, hiddenSize, seed, options.eosBias ?? 2)),
  );
  return { modelId, folder, modelDir, hiddenSize, vocabSize, pieces: pieces.map(([piece]) => piece) };
}
