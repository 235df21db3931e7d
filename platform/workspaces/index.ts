/** Workspaces: one per store. */
export { WorkspaceStore, type Workspace } from './workspace-store';
