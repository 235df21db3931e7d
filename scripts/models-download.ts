/**
 * `npm run models:download [-- <model id> ...]`: fetches the configured transformer models (MODELS_EMBEDDING) — or
 * the ids given as arguments — from the Hugging Face hub into MODELS_DIR, in the hub layout the runtime reads, and
 * prints what it fetched. Downloading is allowed for this command only, whatever MODELS_ALLOW_REMOTE says.
 */
import { loadConfig } from '../config';
import { downloadModel, runtimeOptionsFromConfig, type ModelFile, type ModelTask } from '../nlu/runtime';
import { translationModelIds } from '../nlu/translation';

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} B`;
}

/** The report printed for one model. */
export function formatModelFiles(modelId: string, files: ModelFile[]): string {
  const fetched = files.filter((file) => file.fetched).length;
  const lines = files
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((file) => `  ${file.fetched ? 'fetched' : 'present'}  ${file.path}  (${formatBytes(file.bytes)})`);
  return [`${modelId}: ${fetched} file(s) fetched, ${files.length - fetched} already present`, ...lines].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const config = loadConfig();
  const { folder, dtype } = runtimeOptionsFromConfig(config);
  // Ids given on the command line are sentence-embedding models unless their name says translation (opus-mt, nllb, m2m100).
  const looksLikeTranslation = (id: string): boolean => /opus-mt|nllb|m2m100/i.test(id);
  const wanted: Array<{ modelId: string; task: ModelTask }> =
    argv.length > 0
      ? argv.map((modelId) => ({ modelId, task: looksLikeTranslation(modelId) ? 'translation' : 'feature-extraction' }))
      : [
          ...[config.models.embeddingModel].filter((id) => id !== '').map((modelId) => ({ modelId, task: 'feature-extraction' as const })),
          ...translationModelIds(config.translation.model).map((modelId) => ({ modelId, task: 'translation' as const })),
        ];
  if (wanted.length === 0) {
    process.stderr.write(
      'No model is configured: set MODELS_EMBEDDING (e.g. Xenova/multilingual-e5-small) and/or TRANSLATION_MODEL (e.g. Xenova/nllb-200-distilled-600M), ' +
        'or pass model ids: npm run models:download -- Xenova/multilingual-e5-small\n',
    );
    return 1;
  }
  for (const { modelId, task } of wanted) {
    process.stdout.write(`Downloading ${modelId} (${task}, dtype ${dtype}) into ${folder} ...\n`);
    const files = await downloadModel(modelId, { folder, dtype, task });
    process.stdout.write(`${formatModelFiles(modelId, files)}\n`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
      process.exit(1);
    },
  );
}
