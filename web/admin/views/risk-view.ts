/**
 * Risk: what the fraud checks decided and why (the audit log, newest first, searchable by order), the model versions
 * with their held-out figures and a "retrain now" button, the thresholds and rules, and the store's IP-to-country
 * table (upload a CSV, gzipped or not; remove it to fall back to the deployment's). Agents read everything; changes
 * are for admins, as in the API.
 */
import { ApiError, isAbort } from '../api-client';
import type { RiskDecisionEntry, RiskIpTableInfo, RiskModelVersion, RiskRetrainJob } from '../api-types';
import { button, dataTable, field, h, replaceChildren, whileBusy } from '../dom';
import { explainError } from '../error-messages';
import { formatDateTime } from '../format';
import { describeResult, formatRiskScore, ipTableSummary, isGzip } from '../risk-format';
import { canEdit } from '../session';
import { screenHeading, type View, type ViewContext } from '../view-context';

/** How often a queued retraining is asked for its state. */
export const RETRAIN_POLL_MS = 2000;

const DECISION_TEXT: Record<RiskDecisionEntry['decision'], string> = { approve: 'Approve', review: 'Review', decline: 'Decline' };

/** The decisions table. */
export function decisionsTable(decisions: readonly RiskDecisionEntry[], locale: string): HTMLElement {
  if (!decisions.length) return h('p', { 'data-testid': 'risk-decisions-empty' }, 'No decisions yet: the checks run before refunds, address changes and other sensitive requests, and on every scoring API call.');
  const rows = decisions.map((d) =>
    h(
      'tr',
      { 'data-testid': 'risk-decision' },
      h('td', { class: 'nowrap' }, formatDateTime(d.at, locale)),
      h('td', {}, d.action.replace(/_/g, ' ')),
      h('td', {}, d.customerId),
      h('td', {}, d.orderNumber ?? ''),
      h('td', {}, h('span', { class: `badge risk-${d.decision}` }, DECISION_TEXT[d.decision] ?? d.decision)),
      h('td', { class: 'number' }, formatRiskScore(d.score)),
      h('td', {}, d.reasons.length ? h('ul', { class: 'reasons' }, ...d.reasons.map((r) => h('li', {}, r.text))) : ''),
      h('td', {}, h('code', {}, d.modelVersion), d.source === 'chat' ? h('span', { class: 'hint' }, ' (chat)') : ''),
    ),
  );
  return dataTable(`The latest ${decisions.length} decisions, newest first`, ['When', 'Request', 'Customer', 'Order', 'Decision', 'Fraud probability', 'Reasons', 'Model'], rows, 'risk-decisions');
}

function metric(metrics: Record<string, unknown> | null, ...path: string[]): string {
  let value: unknown = metrics;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return typeof value === 'number' ? value.toFixed(3) : '–';
}

/** The model versions table (figures measured on the held-out time window: the most recent labelled requests). */
export function modelsTable(versions: readonly RiskModelVersion[], locale: string): HTMLElement {
  if (!versions.length) return h('p', {}, 'No model trained yet: until one is, only the rules decide.');
  const rows = versions.map((v) =>
    h(
      'tr',
      { 'data-testid': 'risk-model', 'data-status': v.status },
      h('td', {}, `#${v.version}`),
      h('td', {}, typeof v.metrics?.modelVersion === 'string' ? h('code', {}, v.metrics.modelVersion) : ''),
      h('td', {}, v.status),
      h('td', { class: 'number' }, metric(v.metrics, 'windowRocAuc')),
      h('td', { class: 'number' }, metric(v.metrics, 'windowPrAuc')),
      h('td', { class: 'nowrap' }, formatDateTime(v.completedAt ?? v.createdAt, locale)),
      h('td', {}, v.error ?? ''),
    ),
  );
  return dataTable('Model versions, newest first (figures on the held-out window of the most recent labelled requests)', ['Version', 'Model', 'Status', 'ROC-AUC', 'PR-AUC', 'Trained', 'Error'], rows, 'risk-models');
}

/** Builds the risk screen. */
export function riskView(ctx: ViewContext): View {
  const title = 'Risk';
  const admin = canEdit(ctx.session);
  const failed = (target: HTMLElement, error: unknown, doing: string) => {
    if (isAbort(error)) return;
    replaceChildren(target, h('p', { class: 'field-error' }, explainError(error, ctx.session.role).headline));
    ctx.fail(error, doing);
  };

  // Decisions, optionally about one order.
  const decisions = h('div', { 'aria-live': 'polite' }, h('p', { role: 'status' }, 'Loading…'));
  const orderInput = h('input', { type: 'search', maxlength: '64', 'data-testid': 'risk-order-filter', placeholder: 'e.g. DEMO-1001' });
  const loadDecisions = async (): Promise<void> => {
    try {
      replaceChildren(decisions, decisionsTable(await ctx.api.riskDecisions(25, orderInput.value.trim() || undefined), ctx.locale));
    } catch (error) {
      failed(decisions, error, 'Loading the risk decisions');
    }
  };
  const filter = h(
    'form',
    { class: 'inline-form', role: 'search' },
    field('Order number', orderInput).element,
    h('button', { type: 'submit' }, 'Show'),
  );
  filter.addEventListener('submit', (event) => {
    event.preventDefault();
    void loadDecisions();
  });

  // Models and retraining.
  const models = h('div', {}, h('p', { role: 'status' }, 'Loading…'));
  const retrainState = h('p', { role: 'status', 'data-testid': 'risk-retrain-state' });
  const loadModels = async (): Promise<void> => {
    try {
      replaceChildren(models, modelsTable(await ctx.api.riskModels(), ctx.locale));
    } catch (error) {
      failed(models, error, 'Loading the risk models');
    }
  };
  const follow = async (job: RiskRetrainJob): Promise<void> => {
    while (!ctx.signal.aborted) {
      const state = await ctx.api.retrainStatus(job.jobId);
      if (state.state === 'completed' || state.state === 'failed') {
        retrainState.textContent = state.state === 'failed' ? `Retraining failed: ${state.error ?? 'unknown error'}` : `Retraining finished: ${describeResult(state.result)}`;
        await loadModels();
        return;
      }
      retrainState.textContent = `Retraining ${state.state ?? 'queued'}…`;
      await new Promise((resolve) => setTimeout(resolve, RETRAIN_POLL_MS));
    }
  };
  const retrain = button(
    'Retrain now',
    () =>
      void whileBusy(retrain, async () => {
        try {
          const job = await ctx.api.retrainRisk();
          retrainState.textContent = 'Retraining queued…';
          await follow(job);
        } catch (error) {
          if (isAbort(error)) return;
          retrainState.textContent = '';
          ctx.fail(error, 'Retraining the risk model');
        }
      }),
    { 'data-testid': 'risk-retrain' },
  );

  // Thresholds and rules, as the API's JSON.
  const settingsText = h('textarea', { rows: '12', spellcheck: 'false', class: 'code', 'data-testid': 'risk-settings', readonly: !admin });
  const settingsField = field(
    'Thresholds and rules (JSON)',
    settingsText,
    '{"thresholds": {"review": 0.3, "decline": 0.8}, "rules": {"blockedCountries": ["XX"], "reviewAboveValue": 1000, "disposableEmail": "review", "blockedEmails": [], "blockedEmailDomains": [], "blockedDevices": [], "blockedIps": []}}; leave a key out to use the default.',
  );
  let savedSettings = '';
  const loadSettings = async (): Promise<void> => {
    try {
      savedSettings = JSON.stringify((await ctx.api.riskSettings()) ?? {}, null, 2);
      settingsText.value = savedSettings;
    } catch (error) {
      if (!isAbort(error)) ctx.fail(error, 'Loading the risk settings');
    }
  };
  const saveSettings = button(
    'Save thresholds and rules',
    () =>
      void whileBusy(saveSettings, async () => {
        let parsed: unknown;
        try {
          parsed = JSON.parse(settingsText.value || '{}');
        } catch (error) {
          settingsField.setError(`Not valid JSON: ${(error as Error).message}`);
          return;
        }
        try {
          const saved = await ctx.api.saveRiskSettings(parsed);
          savedSettings = JSON.stringify(saved ?? {}, null, 2);
          settingsText.value = savedSettings;
          settingsField.setError(undefined);
          ctx.notices.status('Saved the risk thresholds and rules: every server uses them within seconds.');
        } catch (error) {
          if (isAbort(error)) return;
          if (error instanceof ApiError && error.status === 400) settingsField.setError(error.message);
          else ctx.fail(error, 'Saving the risk settings');
        }
      }),
    { 'data-testid': 'risk-settings-save' },
  );

  // The IP-to-country table.
  const ipState = h('p', { role: 'status', 'data-testid': 'risk-ip-table' }, 'Loading…');
  const ipFile = h('input', { type: 'file', accept: '.csv,.gz,text/csv,application/gzip', 'data-testid': 'risk-ip-file' });
  const ipField = field('IP-to-country table', ipFile, 'CSV with a header line, then "lower,upper,country" per range (IPv4 bounds as 32-bit integers, as MaxMind-style exports write them); gzipped or not; up to 64 MB.');
  const showIp = (info: RiskIpTableInfo) => {
    ipState.textContent = ipTableSummary(info, ctx.locale);
    removeIp.hidden = info.source !== 'workspace';
  };
  const loadIp = async (): Promise<void> => {
    try {
      showIp(await ctx.api.riskIpTable());
    } catch (error) {
      if (isAbort(error)) return;
      ipState.textContent = explainError(error, ctx.session.role).headline;
      ctx.fail(error, 'Loading the IP table');
    }
  };
  const uploadIp = button(
    'Upload',
    () =>
      void whileBusy(uploadIp, async () => {
        const file = ipFile.files?.[0];
        if (!file) {
          ipField.setError('Choose a file first.');
          return;
        }
        try {
          const bytes = new Uint8Array(await file.arrayBuffer());
          showIp(await ctx.api.uploadRiskIpTable(bytes, isGzip(bytes)));
          ipField.setError(undefined);
          ctx.notices.status(`Loaded ${file.name}: the store's scoring uses it now.`);
        } catch (error) {
          if (isAbort(error)) return;
          if (error instanceof ApiError && (error.status === 400 || error.status === 413)) ipField.setError(error.message);
          else ctx.fail(error, 'Uploading the IP table');
        }
      }),
    { 'data-testid': 'risk-ip-upload' },
  );
  const removeIp = button(
    'Remove the store’s table',
    () =>
      void whileBusy(removeIp, async () => {
        try {
          showIp(await ctx.api.removeRiskIpTable());
          ctx.notices.status('Removed the store’s IP table.');
        } catch (error) {
          if (!isAbort(error)) ctx.fail(error, 'Removing the IP table');
        }
      }),
    { 'data-testid': 'risk-ip-remove', hidden: true },
  );

  void loadDecisions();
  void loadModels();
  void loadSettings();
  void loadIp();

  const readOnly = admin ? null : h('p', { class: 'read-only-note' }, 'Changes are for admins; your token has the agent role.');
  const element = h(
    'section',
    { class: 'screen risk' },
    screenHeading(title),
    readOnly,
    h('section', { 'aria-labelledby': 'risk-decisions-title' }, h('h2', { id: 'risk-decisions-title' }, 'Decisions'), filter, decisions),
    h('section', { 'aria-labelledby': 'risk-models-title' }, h('h2', { id: 'risk-models-title' }, 'Model'), models, admin ? h('div', { class: 'actions' }, retrain) : null, retrainState),
    h('section', { 'aria-labelledby': 'risk-settings-title' }, h('h2', { id: 'risk-settings-title' }, 'Thresholds and rules'), settingsField.element, admin ? h('div', { class: 'actions' }, saveSettings) : null),
    h('section', { 'aria-labelledby': 'risk-ip-title' }, h('h2', { id: 'risk-ip-title' }, 'IP countries'), ipState, admin ? ipField.element : null, admin ? h('div', { class: 'actions' }, uploadIp, removeIp) : null),
  );
  return { element, title, hasUnsavedChanges: () => admin && settingsText.value !== savedSettings };
}
