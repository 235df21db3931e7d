/** The WhatsApp Web connection state as a Prometheus gauge, read from the connection on scrape. */
import { Gauge, type Registry } from 'prom-client';
import type { WhatsAppConnection, WhatsAppConnectionState } from './connection-manager';

const STATES: readonly WhatsAppConnectionState[] = ['starting', 'qr', 'authenticated', 'ready', 'disconnected'];

/**
 * Registers `pgdesk_whatsapp_web_state{state}` on the process's registry: 1 for the current state, 0 for the others,
 * so an alert can fire on `pgdesk_whatsapp_web_state{state="ready"} == 0` for a few minutes.
 */
export function registerConnectionMetric(registry: Registry, connection: Pick<WhatsAppConnection, 'status'>): Gauge<'state'> {
  return new Gauge({
    name: 'pgdesk_whatsapp_web_state',
    help: 'State of the WhatsApp Web connection (1 for the current state): starting, qr, authenticated, ready, disconnected.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const current = connection.status().state;
      for (const state of STATES) this.set({ state }, state === current ? 1 : 0);
    },
  });
}
