/**
 * Start-up step for the demo store: once per workspace, adds the risky demo order, writes the generated labelled
 * history (demo-risk-history.ts) to the decision log and the labels, replays it into the live counters, and queues
 * the training of the workspace's risk model through the model registry (the retrain job promotes it only if it
 * beats a constant score on the most recent labelled requests). Until that model is live the workspace's rules
 * alone decide. Safe when several processes start at once: a Redis lock lets one seed.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { CatalogImporter, DEMO_ORDERS, currencyExponent, type ShippingAddress } from '../../commerce';
import type { Database } from '../../platform/database';
import type { ModelRegistry } from '../../workers/model-registry/model-registry';
import { jobIds, type TrainModelJobData } from '../../workers/queues';
import type { RiskCounterStore } from '../features/counter-store';
import { RISK_COMPONENT } from '../model/risk-component';
import { decisionRow, type RiskDecisionLog } from '../platform/risk-decision-log';
import type { RiskLabelStore } from '../platform/risk-label-store';
import { buildTimeline, replayTimeline } from '../learning/risk-timeline';
import { generateDemoRiskHistory, RISKY_DEMO_ORDER, type DemoStoreOrder } from './demo-risk-history';

/** Dependencies of {@link seedDemoRisk}. */
export interface SeedDemoRiskDeps {
  db: Kysely<Database>;
  decisions: RiskDecisionLog;
  labels: RiskLabelStore;
  counters: RiskCounterStore;
  registry: ModelRegistry;
  training: Pick<Queue<TrainModelJobData>, 'add'>;
  redis: Redis;
  keyPrefix: string;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/** What happened. */
export type DemoRiskState = 'not-demo' | 'busy' | 'seeded' | 'already-seeded';

function addressLine(address: ShippingAddress): string {
  return [address.name, address.line1, address.line2, address.postcode, address.city, address.region, address.country].filter(Boolean).join(', ');
}

/** The risky demo order as an import document (new account, four expensive items, shipped to London). */
function riskyOrderDocument(placedAt: number) {
  return {
    orders: [
      {
        orderNumber: RISKY_DEMO_ORDER.orderNumber,
        email: RISKY_DEMO_ORDER.email,
        customerName: RISKY_DEMO_ORDER.customerName,
        status: 'processing',
        currency: 'EUR',
        placedAt,
        expectedDeliveryAt: placedAt + 4 * 86_400_000,
        items: [
          { sku: 'WTC-MIN-SLV', name: 'Minimalist Watch', quantity: 2, unitPrice: '159.00' },
          { sku: 'BAG-CRS-LTH', name: 'Leather Crossbody Bag', quantity: 1, unitPrice: '129.00' },
          { sku: 'BOOT-CHL-BRN', name: 'Suede Chelsea Boots', quantity: 1, unitPrice: '149.00' },
        ],
        shippingAddress: { name: 'Alex Turner', line1: '14 Wharf Road, Unit 9', city: 'London', postcode: 'N1 7GR', country: 'GB' },
      },
    ],
  };
}

async function storeOrders(db: Kysely<Database>, workspaceId: string): Promise<DemoStoreOrder[]> {
  const rows = await db
    .selectFrom('orders')
    .innerJoin('customers', 'customers.id', 'orders.customer_id')
    .select(['orders.order_number', 'orders.customer_id', 'customers.email', 'orders.placed_at', 'orders.total_minor', 'orders.currency', 'orders.shipping_address'])
    .where('orders.workspace_id', '=', workspaceId)
    .execute();
  return rows.map((row) => {
    const address = row.shipping_address ? (JSON.parse(row.shipping_address) as ShippingAddress) : null;
    return {
      orderNumber: row.order_number,
      customerId: row.customer_id,
      email: row.email,
      placedAt: Number(row.placed_at),
      value: Number(row.total_minor) / 10 ** currencyExponent(row.currency),
      currency: row.currency,
      shippingCountry: address?.country ?? null,
      shippingAddress: address ? addressLine(address) : null,
    };
  });
}

/**
 * Seeds the demo risk data into a workspace holding the demo store (see the file comment), and queues the
 * training of its model when none is live (also after an earlier start seeded the data).
 */
export async function seedDemoRisk(deps: SeedDemoRiskDeps, workspaceId: string, now = Date.now()): Promise<DemoRiskState> {
  const { db, logger } = deps;
  const demo = await db.selectFrom('orders').select('id').where('workspace_id', '=', workspaceId).where('order_number', '=', DEMO_ORDERS.processing).executeTakeFirst();
  if (!demo) return 'not-demo';
  let state: DemoRiskState = 'already-seeded';
  if (!(await deps.decisions.hasSource(workspaceId, 'demo'))) {
    const lock = `${deps.keyPrefix}:risk:{${workspaceId}}:demo-seed`;
    if ((await deps.redis.set(lock, String(process.pid), 'PX', 120_000, 'NX')) !== 'OK') return 'busy';
    try {
      if (await deps.decisions.hasSource(workspaceId, 'demo')) return 'already-seeded';
      const risky = await db.selectFrom('orders').select('id').where('workspace_id', '=', workspaceId).where('order_number', '=', RISKY_DEMO_ORDER.orderNumber).executeTakeFirst();
      if (!risky) {
        const placedAt = now - RISKY_DEMO_ORDER.placedAgoMs;
        // The customer row is created with the account: minutes before the order.
        await new CatalogImporter(db).import(workspaceId, 'json', riskyOrderDocument(placedAt), { actor: 'demo', now: placedAt - RISKY_DEMO_ORDER.accountAgeMs });
      }
      const history = generateDemoRiskHistory(workspaceId, now, await storeOrders(db, workspaceId));
      const rows = history.requests.map(({ request, orderNumber }) =>
        decisionRow(request, { score: null, decision: 'approve', reasons: [], modelVersion: 'demo-history', rules: [] }, { source: 'demo', ...(orderNumber ? { orderNumber } : {}) }, request.at),
      );
      await deps.decisions.recordMany(rows);
      await deps.labels.recordMany(history.labels.map((l) => ({ workspaceId, kind: l.kind, orderNumber: l.orderNumber, customerId: l.customerId, createdBy: 'demo', at: l.at })), now);
      const labels = await deps.labels.allInTimeOrder(workspaceId);
      await replayTimeline(history.requests, buildTimeline(history.requests, labels), deps.counters);
      logger.info({ workspaceId, requests: rows.length, labels: labels.length }, 'demo risk history seeded');
      state = 'seeded';
    } finally {
      await deps.redis.del(lock);
    }
  }
  if (!(await deps.registry.live(workspaceId, RISK_COMPONENT))) {
    await deps.training.add('train-model', { scope: workspaceId, component: RISK_COMPONENT, requestedBy: 'demo' }, { deduplication: { id: jobIds.training(workspaceId, RISK_COMPONENT) } });
    logger.info({ workspaceId }, 'demo risk model training queued; rules alone decide until it is live');
  }
  return state;
}
