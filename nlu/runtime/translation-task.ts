/**
 * The `translation` task inside a model worker: transformers.js' `pipeline('translation')` (encoder-decoder
 * generation, greedy unless the model's generation_config says otherwise), run on one batch of texts that share a
 * language pair. Runs only in worker threads.
 */
import { LogitsProcessor, pipeline, type Tensor } from '@huggingface/transformers';
import type { LoadedTask } from './worker-tasks';
import type { WorkerSetup } from './worker-protocol';

/**
 * Keeps every row that has produced an end-of-sequence token producing only that token.
 *
 * transformers.js (v4) stops a batch when every row's *last* token is EOS, but a row that finished early goes on
 * generating after its EOS while longer rows are still running, and the decoded text keeps those extra words. Without
 * this, a text translated inside a micro-batch would differ from the same text translated alone.
 */
export class FinishedRowsLogitsProcessor extends LogitsProcessor {
  constructor(private readonly eosTokenIds: readonly number[]) {
    super();
  }

  override _call(inputIds: bigint[][], logits: Tensor): Tensor {
    inputIds.forEach((ids, row) => {
      // Position 0 is the decoder start token, which is EOS itself in some families (NLLB).
      if (!ids.slice(1).some((id) => this.eosTokenIds.includes(Number(id)))) return;
      const scores = (logits as unknown as Tensor[])[row]?.data as Float32Array;
      scores.fill(-Infinity);
      scores[this.eosTokenIds[0] ?? 0] = 0;
    });
    return logits;
  }
}

function eosTokenIds(config: unknown): number[] {
  const eos = (config as { eos_token_id?: number | number[] | null }).eos_token_id;
  if (eos === undefined || eos === null) return [];
  return Array.isArray(eos) ? eos : [eos];
}

/** Loads the translation pipeline for `setup.modelId`. */
export async function loadTranslation(setup: WorkerSetup): Promise<LoadedTask<'translation'>> {
  const translator = await pipeline('translation', setup.modelId, {
    device: setup.device,
    dtype: setup.dtype,
    session_options: { intraOpNumThreads: setup.intraOpThreads },
  });
  const generationConfig = (translator.model as unknown as { generation_config?: unknown }).generation_config;
  const eos = eosTokenIds(generationConfig ?? translator.model.config);
  return {
    async run({ texts, languages, maxNewTokens }) {
      const outputs = await translator(texts, {
        ...languages,
        max_new_tokens: maxNewTokens,
        ...(eos.length > 0 ? { logits_processor: [new FinishedRowsLogitsProcessor(eos)] } : {}),
      } as Parameters<typeof translator>[1]);
      const list = Array.isArray(outputs) ? outputs : [outputs];
      return { output: { translations: list.map((item) => (item as { translation_text: string }).translation_text) }, transfer: [] };
    },
    dispose: () => translator.dispose(),
  };
}
