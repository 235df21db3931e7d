/**
 * Start-up set-up: the default workspace, its first admin token, the demo store (with its recommender history and first
 * recommender training) and the built-in intent model.
 */
import { join } from 'node:path';
import { seedDemoStore } from '../../commerce';
import { projectRoot } from '../paths';
import { ArtefactCache } from '../../workers/model-registry/artefact-cache';
import { ensureBuiltinModel, type BuiltinModelState } from '../../workers/model-registry/ensure-builtin-model';
import type { PlatformContext } from './context';

/** What bootstrap did, for the start-up banner. */
export interface BootstrapResult {
  workspaceSlug: string;
  workspaceCreated: boolean;
  /** A newly generated admin token, to be shown once; undefined when one existed or came from configuration. */
  generatedAdminToken?: string;
  /** Whether the demo store was written now. */
  demoStoreSeeded: boolean;
  /** Article versions of the demo help centre written now (0 when the knowledge base had articles). */
  demoKnowledgeSeeded: number;
  /** Events of the demo store's generated recommender history written now (0 when it had events). */
  demoRecommenderEvents: number;
  /** The demo store's first recommender training run, when one was queued now. */
  recommenderTrainingJobId?: string;
  /** State of the built-in intent model (undefined when `nlu.trainOnStart` is off). */
  builtinIntents?: BuiltinModelState;
}

/** The demo help centre shipped with the project (Markdown with front matter, one folder per language). */
export const DEMO_KNOWLEDGE_DIR = join(projectRoot, 'knowledge', 'demo', 'articles');

/** Ensures the default workspace exists and has an admin token (from `auth.adminToken` or generated). */
export async function bootstrap(context: PlatformContext): Promise<BootstrapResult> {
  const { config, workspaces, tokens } = context;
  const { workspace, created } = await workspaces.ensure({
    slug: config.workspace.defaultSlug,
    name: config.workspace.defaultName,
    defaultLanguage: config.workspace.defaultLanguage,
  });
  const result: BootstrapResult = { workspaceSlug: workspace.slug, workspaceCreated: created, demoStoreSeeded: false, demoKnowledgeSeeded: 0, demoRecommenderEvents: 0 };
  if (config.commerce.seedDemo) result.demoStoreSeeded = (await seedDemoStore(context.database.db, workspace.id)).seeded;
  if (config.knowledge.seedDemo) result.demoKnowledgeSeeded = await context.knowledge.seedFromFolder(workspace.id, DEMO_KNOWLEDGE_DIR);
  // Build the default workspace's index now, so the first shopper question is not the one that waits for it.
  await context.knowledge.indexStatus(workspace.id);
  if (config.nlu.trainOnStart) {
    result.builtinIntents = await ensureBuiltinModel(
      {
        registry: context.models,
        cache: new ArtefactCache(config.nlu.modelCacheDir),
        trainingQueue: context.queues.training,
        redis: context.redis,
        keyPrefix: config.redis.keyPrefix,
        logger: context.logger,
      },
      context.components.get(context.intentComponent.name)!,
    );
  }
  if (config.commerce.seedDemo && config.recommender.seedDemoHistory && context.recommender) {
    // The demo store's shoppers' history, then its first training (queued after the intent model's, which
    // the first chat message needs; the worker has a live recommender seconds later).
    const demo = await context.recommender.seedDemo(workspace.id, context.queues.training);
    if (demo.history.seeded) result.demoRecommenderEvents = demo.history.events;
    if (demo.trainingJobId) result.recommenderTrainingJobId = demo.trainingJobId;
  }
  const configured = config.auth.adminToken;
  if (configured) {
    if (!(await tokens.exists(configured))) {
      await tokens.create({ workspaceId: workspace.id, role: 'admin', name: 'configured admin', token: configured });
    }
  } else if (!(await tokens.hasAdmin(workspace.id))) {
    const { token } = await tokens.create({ workspaceId: workspace.id, role: 'admin', name: 'first admin' });
    result.generatedAdminToken = token;
  }
  return result;
}
