/**
 * Writes a tiny BERT-style ONNX model into a folder laid out like the Hugging Face hub, so the real model runtime
 * (transformers.js + onnxruntime-node) can be tested offline in milliseconds.
 *
 * The graph: `tanh((word_embeddings[input_ids] + type_embeddings[token_type_ids]) @ W + b) * attention_mask`.
 * Every input is used (onnxruntime refuses feeds the graph does not declare), each token's vector depends only on that
 * token, and padded positions come out as zeros, so mean pooling that ignores the mask gives visibly different
 * numbers for padded rows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeOnnxModel, OnnxDataType, type OnnxModel, type OnnxTensor } from './onnx-proto';
import { tinyBertTokenizerConfig, tinyBertTokenizerJson, tinyBertVocabulary } from './tiny-bert-tokenizer';
import { mulberry32 } from '../../../nlu/intents/linear-svm';

/** What {@link writeTinyBertModel} wrote. */
export interface TinyBertModel {
  /** Hub-style id (`org/name`) to pass to the runtime. */
  modelId: string;
  /** The models folder (the runtime's `folder`). */
  folder: string;
  /** The model's own folder, `<folder>/<modelId>`. */
  modelDir: string;
  /** Size of each embedding. */
  hiddenSize: number;
  /** Vocabulary size. */
  vocabSize: number;
}

/** Options of {@link writeTinyBertModel}. */
export interface TinyBertOptions {
  /** @defaultValue `'test-org/tiny-bert'` */
  modelId?: string;
  /** @defaultValue 16 */
  hiddenSize?: number;
  /** Seed of the weights; the same seed writes the same bytes. @defaultValue 42 */
  seed?: number;
  /** Tokenizer `model_max_length`. @defaultValue 128 */
  maxLength?: number;
}

/** A seeded PRNG, so the weights (and the test expectations) never change between runs. */
const seededRandom = mulberry32;

function randomMatrix(random: () => number, rows: number, columns: number, scale: number): Float32Array {
  return Float32Array.from({ length: rows * columns }, () => (random() * 2 - 1) * scale);
}

function floatTensor(name: string, dims: number[], floats: Float32Array): OnnxTensor {
  return { name, dims, dataType: OnnxDataType.FLOAT, floats };
}

/** The ONNX graph described in the file comment. */
export function tinyBertGraph(vocabSize: number, hiddenSize: number, seed: number): OnnxModel {
  const random = seededRandom(seed);
  const dynamic = ['batch_size', 'sequence_length'];
  const axis0 = { name: 'axis', int: 0 };
  return {
    graphName: 'tiny_bert',
    inputs: ['input_ids', 'attention_mask', 'token_type_ids'].map((name) => ({
      name,
      elemType: OnnxDataType.INT64,
      shape: dynamic,
    })),
    outputs: [{ name: 'last_hidden_state', elemType: OnnxDataType.FLOAT, shape: [...dynamic, hiddenSize] }],
    initializers: [
      floatTensor('word_embeddings', [vocabSize, hiddenSize], randomMatrix(random, vocabSize, hiddenSize, 1)),
      floatTensor('type_embeddings', [2, hiddenSize], randomMatrix(random, 2, hiddenSize, 0.1)),
      floatTensor('dense_weight', [hiddenSize, hiddenSize], randomMatrix(random, hiddenSize, hiddenSize, 0.5)),
      floatTensor('dense_bias', [hiddenSize], randomMatrix(random, 1, hiddenSize, 0.1)),
      { name: 'unsqueeze_axes', dims: [1], dataType: OnnxDataType.INT64, int64s: [-1] },
    ],
    nodes: [
      { opType: 'Gather', inputs: ['word_embeddings', 'input_ids'], outputs: ['word_vectors'], attributes: [axis0] },
      { opType: 'Gather', inputs: ['type_embeddings', 'token_type_ids'], outputs: ['type_vectors'], attributes: [axis0] },
      { opType: 'Add', inputs: ['word_vectors', 'type_vectors'], outputs: ['embeddings'] },
      { opType: 'MatMul', inputs: ['embeddings', 'dense_weight'], outputs: ['projected'] },
      { opType: 'Add', inputs: ['projected', 'dense_bias'], outputs: ['biased'] },
      { opType: 'Tanh', inputs: ['biased'], outputs: ['activated'] },
      { opType: 'Cast', inputs: ['attention_mask'], outputs: ['mask_float'], attributes: [{ name: 'to', int: OnnxDataType.FLOAT }] },
      { opType: 'Unsqueeze', inputs: ['mask_float', 'unsqueeze_axes'], outputs: ['mask_column'] },
      { opType: 'Mul', inputs: ['activated', 'mask_column'], outputs: ['last_hidden_state'] },
    ],
  };
}

function writeJson(path: string, value: unknown): void {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/**
 * Writes `config.json`, `tokenizer.json`, `tokenizer_config.json` and `onnx/model.onnx` under `<folder>/<modelId>/`.
 *
 * @example
 * const model = writeTinyBertModel(mkdtempSync(join(tmpdir(), 'models-')));
 * const runtime = new TransformerModelRuntime({ folder: model.folder });
 * const vectors = await runtime.featureExtractor(model.modelId).embed(['hello world']);
 */
export function writeTinyBertModel(folder: string, options: TinyBertOptions = {}): TinyBertModel {
  const modelId = options.modelId ?? 'test-org/tiny-bert';
  const hiddenSize = options.hiddenSize ?? 16;
  const maxLength = options.maxLength ?? 128;
  const vocabulary = tinyBertVocabulary();
  const vocabSize = vocabulary.size;
  const modelDir = join(folder, ...modelId.split('/'));
  mkdirSync(join(modelDir, 'onnx'), { recursive: true });

  writeJson(join(modelDir, 'config.json'), {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: hiddenSize,
    vocab_size: vocabSize,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    intermediate_size: hiddenSize * 2,
    max_position_embeddings: maxLength,
    type_vocab_size: 2,
    pad_token_id: 0,
  });
  writeJson(join(modelDir, 'tokenizer.json'), tinyBertTokenizerJson(vocabulary));
  writeJson(join(modelDir, 'tokenizer_config.json'), tinyBertTokenizerConfig(maxLength));
  const graph = tinyBertGraph(vocabSize, hiddenSize, options.seed ?? 42);
  writeFileSync(join(modelDir, 'onnx', 'model.onnx'), encodeOnnxModel(graph));
  return { modelId, folder, modelDir, hiddenSize, vocabSize };
}
