/** First-start set-up: the default workspace and its first admin token. */
import type { PlatformContext } from './context';

/** What bootstrap did, for the start-up banner. */
export interface BootstrapResult {
  workspaceSlug: string;
  workspaceCreated: boolean;
  /** A newly generated admin token, to be shown once; undefined when one existed or came from configuration. */
  generatedAdminToken?: string;
}

/** Ensures the default workspace exists and has an admin token (from `auth.adminToken` or generated). */
export async function bootstrap(context: PlatformContext): Promise<BootstrapResult> {
  const { config, workspaces, tokens } = context;
  const { workspace, created } = await workspaces.ensure({
    slug: config.workspace.defaultSlug,
    name: config.workspace.defaultName,
    defaultLanguage: config.workspace.defaultLanguage,
  });
  const result: BootstrapResult = { workspaceSlug: workspace.slug, workspaceCreated: created };
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
