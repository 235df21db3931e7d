/**
 * Understands a shopper message for a workspace: the workspace's live intent model (or the built-in one), entities
 * with the workspace's catalogue for product references, and the frustration signal.
 */
import type { Logger } from 'pino';
import type { CommerceStore } from '../../commerce';
import { DEFAULT_ORDER_NUMBER_PATTERNS, ProductMatcher } from '../../nlu/entities';
import { compileOrderNumberPatterns, parseWorkspaceSettings, type WorkspaceStore } from '../../platform/workspaces';
import type { IntentClassifier, TextEmbedder } from '../../nlu/intents';
import { NluPipeline, type Understanding } from '../../nlu/pipeline';
import type { LiveModels } from '../../workers/model-registry/live-models';

/** What the turn processor asks. */
export interface UnderstandingProvider {
  /** The understanding of a message, or undefined while no intent model is live. */
  understand(workspaceId: string, text: string, language: string | undefined): Promise<Understanding | undefined>;
}

const CATALOGUE_REFRESH_MS = 5 * 60_000;
/** Workspace settings are re-read this often, so an admin's change applies within it on every process. */
const SETTINGS_REFRESH_MS = 30_000;
/** Products matched against messages per workspace; larger catalogues match on their first N products by name. */
const CATALOGUE_LIMIT = 5000;

/** See the file comment. */
export class UnderstandingService implements UnderstandingProvider {
  private readonly catalogues = new Map<string, { matcher: Promise<ProductMatcher | undefined>; until: number }>();
  private readonly pipelines = new WeakMap<IntentClassifier, NluPipeline>();
  private readonly patterns = new Map<string, { patterns: Promise<readonly RegExp[] | undefined>; until: number }>();

  constructor(
    private readonly models: LiveModels<IntentClassifier>,
    private readonly commerce: CommerceStore | undefined,
    private readonly logger: Logger,
    private readonly workspaces?: WorkspaceStore,
    /** Sentence embeddings, for intent models that classify from them. */
    private readonly embedder?: TextEmbedder,
  ) {}

  async understand(workspaceId: string, text: string, language: string | undefined): Promise<Understanding | undefined> {
    const live = await this.models.forWorkspace(workspaceId);
    if (!live) return undefined;
    let pipeline = this.pipelines.get(live.model);
    if (!pipeline) {
      pipeline = new NluPipeline({ classifier: live.model, ...(this.embedder ? { embedder: this.embedder } : {}) });
      this.pipelines.set(live.model, pipeline);
    }
    const products = await this.productMatcher(workspaceId);
    const orderNumberPatterns = await this.orderNumberPatterns(workspaceId);
    return pipeline.understandAsync(text, { language, ...(products ? { products } : {}), ...(orderNumberPatterns ? { orderNumberPatterns } : {}) });
  }

  private orderNumberPatterns(workspaceId: string): Promise<readonly RegExp[] | undefined> {
    const cached = this.patterns.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.patterns;
    const patterns = (async () => {
      const workspace = await this.workspaces?.findById(workspaceId);
      return compileOrderNumberPatterns(parseWorkspaceSettings(workspace?.settings), DEFAULT_ORDER_NUMBER_PATTERNS);
    })().catch((error: unknown) => {
      this.logger.warn({ err: error, workspaceId }, 'workspace settings could not be read; default order-number formats apply');
      return undefined;
    });
    this.patterns.set(workspaceId, { patterns, until: Date.now() + SETTINGS_REFRESH_MS });
    return patterns;
  }

  private productMatcher(workspaceId: string): Promise<ProductMatcher | undefined> {
    const cached = this.catalogues.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.matcher;
    const matcher = this.loadCatalogue(workspaceId);
    this.catalogues.set(workspaceId, { matcher, until: Date.now() + CATALOGUE_REFRESH_MS });
    return matcher;
  }

  private async loadCatalogue(workspaceId: string): Promise<ProductMatcher | undefined> {
    if (!this.commerce) return undefined;
    try {
      const products = [];
      // The product query pages by 100 at most.
      for (let offset = 0; offset < CATALOGUE_LIMIT; offset += 100) {
        const page = await this.commerce.listProducts(workspaceId, { limit: 100, offset });
        products.push(...page);
        if (page.length < 100) break;
      }
      if (!products.length) return undefined;
      return new ProductMatcher(products.map((p) => ({ id: p.id, sku: p.sku, name: p.name })));
    } catch (error) {
      // Product references are a nicety: without the catalogue the rest of the understanding still works.
      this.logger.warn({ err: error, workspaceId }, 'catalogue for product matching could not be loaded');
      return undefined;
    }
  }
}
