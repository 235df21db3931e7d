/**
 * Each workspace's own IP-to-country table on both databases: stored once, seen by every process (two stores on one
 * database stand for two processes), used for the features in place of the deployment's table, and dropped again.
 */
import { counterEventOf, RiskFeatureBuilder, IpCountryMap, IpCountryMapError } from '../../../risk';
import { categoricalFeature } from '../../../risk/features/feature-builder';
import { MemoryCounterStore } from '../../../risk/features/memory-counter-store';
import { WorkspaceIpTables } from '../../../risk/platform/workspace-ip-tables';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { engines } from '../../support/databases';
import { orderRequest } from '../risk-fixtures';

describe.each(engines)('WorkspaceIpTables (%s)', (_engine, create) => {
  let database: CommerceTestDatabase;
  let workspaceId: string;
  const deployment = IpCountryMap.fromRanges([[3405803776, 3405804031, 'Spain']]);
  const builder = (table: IpCountryMap | undefined) => new RiskFeatureBuilder(table ? { ipCountries: table } : {});

  beforeAll(async () => {
    database = await openCommerceDatabase(create);
    workspaceId = await database.newWorkspace();
  });

  afterAll(async () => {
    await database?.close();
  });

  const ipCountryOf = async (tables: WorkspaceIpTables, ip: string) => {
    const request = orderRequest({ workspaceId, device: { id: 'dev', ip } });
    const snapshot = await new MemoryCounterStore().observe(counterEventOf(request), { record: false });
    return categoricalFeature((await tables.builderFor(workspaceId)).build(request, snapshot), 'ip_country');
  };

  it('uses the deployment table until the workspace loads its own, in every process, and again once it is dropped', async () => {
    const here = new WorkspaceIpTables(database.handle.db, { builder, fallback: deployment });
    const elsewhere = new WorkspaceIpTables(database.handle.db, { builder, fallback: deployment, refreshMs: 0 });
    expect(await here.info(workspaceId)).toEqual({ source: 'deployment', ranges: 1, updatedAt: null, updatedBy: null });
    expect(await ipCountryOf(elsewhere, '203.0.113.9')).toBe('ES');

    const csv = 'lower_bound_ip_address,upper_bound_ip_address,country\n3405803776.0,3405804031.0,Portugal\n167772160,184549375,"Korea, Republic of"\n';
    expect(await here.put(workspaceId, csv, 'token:admin', 1_700_000_000_000)).toEqual({ source: 'workspace', ranges: 2, updatedAt: 1_700_000_000_000, updatedBy: 'token:admin' });
    expect(await ipCountryOf(here, '203.0.113.9')).toBe('PT');
    expect(await ipCountryOf(elsewhere, '203.0.113.9')).toBe('PT');
    expect((await elsewhere.mapFor(workspaceId))?.lookup('10.1.2.3')).toBe('Korea, Republic of');
    expect(await elsewhere.info(workspaceId)).toMatchObject({ source: 'workspace', ranges: 2 });

    expect(await here.remove(workspaceId)).toBe(true);
    expect(await here.remove(workspaceId)).toBe(false);
    expect(await ipCountryOf(elsewhere, '203.0.113.9')).toBe('ES');
  });

  it('refuses a malformed or empty table naming the line, and keeps the one it had', async () => {
    const tables = new WorkspaceIpTables(database.handle.db, { builder });
    await tables.put(workspaceId, 'lower,upper,country\n3405803776,3405804031,Portugal\n', 'token:admin');
    await expect(tables.put(workspaceId, 'lower,upper,country\n1,2,Spain\n3;4;France\n', 'token:admin')).rejects.toThrow(/Line 3/);
    await expect(tables.put(workspaceId, 'lower,upper,country\n', 'token:admin')).rejects.toBeInstanceOf(IpCountryMapError);
    expect(await tables.info(workspaceId)).toMatchObject({ source: 'workspace', ranges: 1 });
    expect(await new WorkspaceIpTables(database.handle.db, { builder }).info('no-such-workspace')).toMatchObject({ source: 'none', ranges: 0 });
  });
});
