/**
 * `npm run models:download [-- <model id> ...]`: fetches the configured transformer models (MODELS_EMBEDDING) — or
 * the ids given as arguments — from the Hugging Face hub into MODELS_DIR, in the hub layout the runtime reads, and
 * prints what it fetched. Downloading is allowed for this command only, whatever MODELS_ALLOW_REMOTE says.
 */
import { loadConfig } from '../config';
import { downloadModel, runtimeOptionsFromConfig, type ModelFile } from '../nlu/runtime';

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
  const modelIds = argv.length > 0 ? argv : [config.models.embeddingModel].filter((id) => id !== '');
  if (modelIds.length === 0) {
    process.stderr.write(
      'No model is configured: set MODELS_EMBEDDING (e.g. MODELS_EMBEDDING=Xenova/multilingual-e5-small) ' +
        'or pass model ids: npm run models:download -- Xenova/multilingual-e5-small\n',
    );
    return 1;
  }
  for (const modelId of modelIds) {
    process.stdout.write(`Downloading ${modelId} (dtype ${dtype}) into ${folder} ...\n`);
    const files = await downloadModel(modelId, { folder, dtype });
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
