/**
 * A workspace's risk settings: its decision thresholds and hard rules (blocklists, value limits, what a disposable
 * e-mail forces), stored as JSON in `risk_settings` and edited by admins through `/api/risk/settings`. Read on every
 * scoring, so the compiled form is cached per process for a few seconds; a change made through this process is seen
 * at once, one made through another process within the cache's lifetime.
 */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../platform/database';
import type { DisposableEmailDomains } from '../features/disposable-email-domains';
import type { IpCountryMap } from '../features/ip-country-map';
import type { DecisionThresholds } from '../model/risk-model';
import { RiskRuleError, RiskRules } from '../rules/risk-rules';
import type { WorkspaceRiskSettings } from '../scoring/risk-scorer';

const probability = z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
const entries = (max: number, what: string) => z.array(z.string().trim().min(1, `${what} must not be empty`).max(200)).max(max, `at most ${max} entries`);

/** The settings a workspace may set (every key optional). */
export const riskSettingsSchema = z
  .strictObject({
    /** Fraud probabilities from which a request goes to review / is declined; absent: the deployment's or the model's. */
    thresholds: z
      .strictObject({ review: probability.optional(), decline: probability.optional() })
      .refine((t) => t.review === undefined || t.decline === undefined || t.decline >= t.review, { message: 'decline must not be below review', path: ['decline'] })
      .optional(),
    /** Hard rules beside the model; each hit is named in the reasons. */
    rules: z
      .strictObject({
        blockedEmails: entries(10_000, 'an e-mail address').optional(),
        blockedEmailDomains: entries(10_000, 'a domain').optional(),
        blockedDevices: entries(10_000, 'a device id').optional(),
        blockedIps: entries(10_000, 'an IP address or range').optional(),
        blockedCountries: entries(300, 'a country').optional(),
        reviewAboveValue: z.number().nonnegative('must not be negative').finite().optional(),
        declineAboveValue: z.number().nonnegative('must not be negative').finite().optional(),
        disposableEmail: z.enum(['none', 'review', 'decline']).optional(),
      })
      .superRefine((rules, context) => {
        try {
          new RiskRules(rules);
        } catch (error) {
          if (!(error instanceof RiskRuleError)) throw error;
          context.addIssue({ code: 'custom', path: ['blockedIps'], message: error.message });
        }
      })
      .optional(),
  });

/** See {@link riskSettingsSchema}. */
export type RiskSettings = z.infer<typeof riskSettingsSchema>;

/** What the scorer reads: the stored settings compiled, with the deployment's default thresholds under them. */
export interface CompiledRiskSettings {
  settings: RiskSettings;
  scorer: WorkspaceRiskSettings;
}

/** Settings of {@link RiskSettingsStore}. */
export interface RiskSettingsStoreOptions {
  /** Thresholds every workspace gets unless it sets its own (absent: the model's validated ones). */
  defaultThresholds?: Partial<DecisionThresholds>;
  /** The IP table of the country rules, or each workspace's (WorkspaceIpTables.mapFor). */
  ipCountries?: IpCountryMap | ((workspaceId: string) => Promise<IpCountryMap | undefined>);
  disposableDomains?: DisposableEmailDomains;
  /** How long a compiled entry is reused. @defaultValue 10 000 ms */
  cacheMs?: number;
}

/** Parses stored JSON; unreadable settings count as none (the defaults apply) rather than failing every scoring. */
export function parseRiskSettings(json: string | null | undefined): RiskSettings {
  if (!json) return {};
  try {
    const parsed = riskSettingsSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

function definedOnly<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** See the file comment. */
export class RiskSettingsStore {
  private readonly cache = new Map<string, { value: Promise<CompiledRiskSettings>; until: number }>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: RiskSettingsStoreOptions = {},
  ) {}

  /** The stored settings of a workspace (`{}` when it never set any). */
  async read(workspaceId: string): Promise<RiskSettings> {
    const row = await this.db.selectFrom('risk_settings').select('settings').where('workspace_id', '=', workspaceId).executeTakeFirst();
    return parseRiskSettings(row?.settings);
  }

  /** Replaces a workspace's settings (already validated with {@link riskSettingsSchema}). */
  async write(workspaceId: string, settings: RiskSettings, updatedBy: string, now = Date.now()): Promise<void> {
    const json = JSON.stringify(settings);
    await this.db
      .insertInto('risk_settings')
      .values({ workspace_id: workspaceId, settings: json, updated_by: updatedBy, updated_at: now })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ settings: json, updated_by: updatedBy, updated_at: now }))
      .execute();
    this.cache.delete(workspaceId);
  }

  /** The compiled settings the scorer uses, cached (see the file comment). */
  compiled(workspaceId: string, now = Date.now()): Promise<CompiledRiskSettings> {
    const cached = this.cache.get(workspaceId);
    if (cached && cached.until > now) return cached.value;
    const ip = this.options.ipCountries;
    const value = Promise.all([this.read(workspaceId), typeof ip === 'function' ? ip(workspaceId) : ip]).then(([settings, ipCountries]) => this.compile(settings, ipCountries));
    this.cache.set(workspaceId, { value, until: now + (this.options.cacheMs ?? 10_000) });
    // A failed read is not kept: the next scoring tries again.
    value.catch(() => this.cache.delete(workspaceId));
    return value;
  }

  /** Drops a workspace's compiled settings (its IP table changed). */
  forget(workspaceId: string): void {
    this.cache.delete(workspaceId);
  }

  /** Compiles settings: the workspace's thresholds over the deployment's, decline never below review. */
  compile(settings: RiskSettings, ipCountries = typeof this.options.ipCountries === 'function' ? undefined : this.options.ipCountries): CompiledRiskSettings {
    const thresholds = { ...definedOnly(this.options.defaultThresholds), ...definedOnly(settings.thresholds) };
    const rules = settings.rules ? new RiskRules(settings.rules, { ...(ipCountries ? { ipCountries } : {}), ...(this.options.disposableDomains ? { disposableDomains: this.options.disposableDomains } : {}) }) : undefined;
    return {
      settings,
      scorer: {
        ...(Object.keys(thresholds).length ? { thresholds } : {}),
        ...(rules ? { rules } : {}),
      },
    };
  }
}
