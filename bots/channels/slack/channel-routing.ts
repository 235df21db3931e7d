/** Which Slack channel a handoff opens in: the first `SLACK_ROUTES` rule that fits, else the agents channel. */
import type { Config } from '../../../config';

/** One validated `SLACK_ROUTES` rule. */
export type SlackRouteRule = Config['slack']['routes'][number];

/** What routing rules can look at. */
export interface HandoffRoutingFacts {
  /** Platform workspace slug. */
  workspace: string;
  /** Shopper language (ISO 639-1). */
  language: string;
  /** Intent that led to the handoff, when known. */
  intent?: string;
}

/**
 * The channel for a handoff. A rule fits when each condition it sets equals the fact; unset conditions fit all.
 *
 * @example
 * pickAgentsChannel([{ language: 'de', channel: 'C0DE' }], 'C0ALL', { workspace: 'demo', language: 'de' }); // 'C0DE'
 */
export function pickAgentsChannel(rules: readonly SlackRouteRule[], fallback: string, facts: HandoffRoutingFacts): string {
  const fits = (rule: SlackRouteRule): boolean =>
    (rule.workspace === undefined || rule.workspace === facts.workspace) &&
    (rule.language === undefined || rule.language === facts.language) &&
    (rule.intent === undefined || rule.intent === facts.intent);
  return rules.find(fits)?.channel ?? fallback;
}
