/**
 * Each workspace's own IP-to-country table (a store's GeoIP export), loaded through the API and used for its IP
 * country features and country rules instead of the deployment's `RISK_IP_COUNTRY_TABLE`. Stored gzipped in the
 * database so every process sees it; each process keeps the parsed table and its feature builder in memory and
 * checks the stored version every `refreshMs` (a change made in this process is seen at once).
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database';
import type { RiskFeatureBuilder } from '../features/feature-builder';
import { IpCountryMap, IpCountryMapError } from '../features/ip-country-map';

/** Where a workspace's IP countries come from, and how many ranges that table has. */
export interface IpTableInfo {
  source: 'workspace' | 'deployment' | 'none';
  ranges: number;
  /** When the workspace's table was loaded (null for the deployment's or none). */
  updatedAt: number | null;
  updatedBy: string | null;
}

/** Settings of {@link WorkspaceIpTables}. */
export interface WorkspaceIpTablesOptions {
  /** The deployment's table (`RISK_IP_COUNTRY_TABLE`), for workspaces without their own. */
  fallback?: IpCountryMap;
  /** Builds the feature builder of a table (the deployment's settings: time zone, disposable domains). */
  builder: (ipCountries: IpCountryMap | undefined) => RiskFeatureBuilder;
  /** How long a process trusts its copy before checking the stored version. @defaultValue 30 000 ms */
  refreshMs?: number;
}

interface Entry {
  updatedAt: number | null;
  map: IpCountryMap | undefined;
  builder: RiskFeatureBuilder;
  checkedAt: number;
}

/** Most ranges a workspace table may have (the full public country tables have ~140,000). */
export const MAX_IP_TABLE_RANGES = 2_000_000;

/** See the file comment. */
export class WorkspaceIpTables {
  private readonly entries = new Map<string, Promise<Entry>>();
  private readonly fallbackBuilder: RiskFeatureBuilder;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: WorkspaceIpTablesOptions,
  ) {
    this.fallbackBuilder = options.builder(options.fallback);
  }

  /**
   * Parses and stores a workspace's table (CSV: a header line, then `lower,upper,country`), replacing its previous one.
   * @throws IpCountryMapError naming the first bad line, or saying the table is empty or too large.
   */
  async put(workspaceId: string, csv: string, updatedBy: string, now = Date.now()): Promise<IpTableInfo> {
    const map = IpCountryMap.parse(csv);
    if (map.size === 0) throw new IpCountryMapError('The IP range table has no ranges (a header line, then "lower,upper,country" lines).');
    if (map.size > MAX_IP_TABLE_RANGES) throw new IpCountryMapError(`The IP range table has ${map.size} ranges; at most ${MAX_IP_TABLE_RANGES} are accepted.`);
    const table = gzipSync(csv).toString('base64');
    await this.db
      .insertInto('risk_ip_tables')
      .values({ workspace_id: workspaceId, table_gz: table, ranges: map.size, updated_by: updatedBy, updated_at: now })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ table_gz: table, ranges: map.size, updated_by: updatedBy, updated_at: now }))
      .execute();
    this.entries.set(workspaceId, Promise.resolve({ updatedAt: now, map, builder: this.options.builder(map), checkedAt: Date.now() }));
    return { source: 'workspace', ranges: map.size, updatedAt: now, updatedBy };
  }

  /** Drops a workspace's own table (the deployment's applies again). @returns whether it had one. */
  async remove(workspaceId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('risk_ip_tables').where('workspace_id', '=', workspaceId).executeTakeFirst();
    this.entries.delete(workspaceId);
    return Number(result.numDeletedRows) > 0;
  }

  /** Which table a workspace uses. */
  async info(workspaceId: string): Promise<IpTableInfo> {
    const row = await this.db.selectFrom('risk_ip_tables').select(['ranges', 'updated_at', 'updated_by']).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (row) return { source: 'workspace', ranges: Number(row.ranges), updatedAt: Number(row.updated_at), updatedBy: row.updated_by };
    const fallback = this.options.fallback;
    return { source: fallback && fallback.size > 0 ? 'deployment' : 'none', ranges: fallback?.size ?? 0, updatedAt: null, updatedBy: null };
  }

  /** The table a workspace's IP countries are read from (its own, else the deployment's). */
  async mapFor(workspaceId: string): Promise<IpCountryMap | undefined> {
    return (await this.entry(workspaceId)).map;
  }

  /** The feature builder of a workspace (its table in place of the deployment's). */
  async builderFor(workspaceId: string): Promise<RiskFeatureBuilder> {
    return (await this.entry(workspaceId)).builder;
  }

  private entry(workspaceId: string): Promise<Entry> {
    const cached = this.entries.get(workspaceId);
    const refreshMs = this.options.refreshMs ?? 30_000;
    if (cached) return cached.then((entry) => (Date.now() - entry.checkedAt < refreshMs ? entry : this.recheck(workspaceId, entry)));
    return this.recheck(workspaceId, undefined);
  }

  private recheck(workspaceId: string, previous: Entry | undefined): Promise<Entry> {
    const loading = this.load(workspaceId, previous);
    this.entries.set(workspaceId, loading);
    // A failed load is not kept: the next scoring tries again.
    loading.catch(() => this.entries.delete(workspaceId));
    return loading;
  }

  private async load(workspaceId: string, previous: Entry | undefined): Promise<Entry> {
    const stamp = await this.db.selectFrom('risk_ip_tables').select('updated_at').where('workspace_id', '=', workspaceId).executeTakeFirst();
    const updatedAt = stamp ? Number(stamp.updated_at) : null;
    if (previous && previous.updatedAt === updatedAt) return { ...previous, checkedAt: Date.now() };
    if (updatedAt === null) return { updatedAt, map: this.options.fallback, builder: this.fallbackBuilder, checkedAt: Date.now() };
    const row = await this.db.selectFrom('risk_ip_tables').select(['table_gz', 'updated_at']).where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!row) return { updatedAt: null, map: this.options.fallback, builder: this.fallbackBuilder, checkedAt: Date.now() };
    const map = IpCountryMap.parse(gunzipSync(Buffer.from(row.table_gz, 'base64')).toString('utf8'));
    return { updatedAt: Number(row.updated_at), map, builder: this.options.builder(map), checkedAt: Date.now() };
  }
}
