/** Workspaces: one per store. */
export { WorkspaceStore, type Workspace } from './workspace-store';
export { workspaceRoutes } from './workspace-routes';
export { compileOrderNumberPatterns, parseWorkspaceSettings, workspaceSettingsSchema, type WorkspaceSettings } from './workspace-settings';
