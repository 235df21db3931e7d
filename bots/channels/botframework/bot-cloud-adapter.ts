/**
 * botbuilder's `CloudAdapter` built from the `botFramework` configuration, with authentication split from the turn:
 * the route authenticates first and answers every refusal with 401 itself, because `CloudAdapter.process` answers a
 * token with a bad signature with 500 (jsonwebtoken's error is not an `AuthenticationError`), which would make the
 * Bot Connector retry a forged request. The server (inbound activities) and the worker (proactive sends) each build
 * one; the adapter holds no conversation state.
 */
import { CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Config } from '../../../config';

/** The `botFramework` settings the adapter needs. */
export type BotFrameworkSettings = Pick<Config['botFramework'], 'appId' | 'appPassword' | 'appType' | 'tenantId'>;

/** botbuilder's authentication of one cloud (public Azure by default). */
export type BotFrameworkAuthentication = NonNullable<ConstructorParameters<typeof CloudAdapter>[0]>;

/** What a successful authentication yields: the caller's claims and a connector factory for replies. */
export type AuthenticatedRequest = Awaited<ReturnType<BotFrameworkAuthentication['authenticateRequest']>>;

/**
 * Where tokens are verified. Production leaves these unset (Microsoft's public endpoints); tests point them at a
 * loopback OpenID server, and a sovereign-cloud deployment could point them at its own.
 */
export interface AuthenticationEndpoints {
  /** OpenID metadata for tokens the Bot Connector service signs (`ToBotFromChannelOpenIdMetadataUrl`). */
  channelOpenIdMetadataUrl?: string;
  /** OpenID metadata for tokens the Emulator and other bots sign (`ToBotFromEmulatorOpenIdMetadataUrl`). */
  emulatorOpenIdMetadataUrl?: string;
}

/** The configured CloudAdapter; see the file comment. */
export class BotCloudAdapter extends CloudAdapter {
  /** The bot's Microsoft App ID; empty when authentication is off (Emulator, tests). */
  readonly appId: string;

  constructor(settings: BotFrameworkSettings, endpoints: AuthenticationEndpoints = {}) {
    super(createAuthentication(settings, endpoints));
    this.appId = settings.appId;
  }

  /** True when requests must carry a valid Bot Connector token (an App ID is configured). */
  get authenticationEnabled(): boolean {
    return this.appId !== '';
  }

  /**
   * Verifies the request's `Authorization` header for `activity` (signature, issuer, audience, service URL).
   * With authentication off, every request passes as anonymous.
   * @throws whatever botbuilder throws for a refused or unverifiable token; see `authenticationFailureStatus`.
   */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticatedRequest> {
    return this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
  }

  /** Runs `logic` in a turn for an authenticated activity; returns the invoke response, if the activity wants one. */
  runTurn(request: AuthenticatedRequest, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(request, activity, logic);
  }
}

/**
 * Microsoft's public-cloud endpoints (botframework-connector's `AuthenticationConstants`). botbuilder uses them by
 * default, but as soon as one endpoint is given it takes every endpoint from the configuration, so overriding one
 * means spelling out the others.
 */
export const PUBLIC_CLOUD_ENDPOINTS = Object.freeze({
  ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
  CallerId: CallerIdConstants.PublicAzureChannel,
});

function createAuthentication(settings: BotFrameworkSettings, endpoints: AuthenticationEndpoints): BotFrameworkAuthentication {
  // Without an App ID there is nothing to authenticate with: botbuilder turns authentication off only for a
  // MultiTenant bot (it asserts an App ID for the other types), so the type only counts once an App ID is set.
  const enabled = settings.appId !== '';
  const overridden = Boolean(endpoints.channelOpenIdMetadataUrl || endpoints.emulatorOpenIdMetadataUrl);
  return new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: settings.appId,
    MicrosoftAppPassword: settings.appPassword,
    MicrosoftAppType: enabled ? settings.appType : 'MultiTenant',
    MicrosoftAppTenantId: enabled ? settings.tenantId : '',
    ...(overridden
      ? {
          ...PUBLIC_CLOUD_ENDPOINTS,
          ...(endpoints.channelOpenIdMetadataUrl ? { ToBotFromChannelOpenIdMetadataUrl: endpoints.channelOpenIdMetadataUrl } : {}),
          ...(endpoints.emulatorOpenIdMetadataUrl ? { ToBotFromEmulatorOpenIdMetadataUrl: endpoints.emulatorOpenIdMetadataUrl } : {}),
        }
      : {}),
  });
}

const TOKEN_ERRORS = new Set(['JsonWebTokenError', 'TokenExpiredError', 'NotBeforeError']);

/**
 * The HTTP status to answer a failed authentication with: 401 for a missing, forged, expired or misaddressed token
 * (the Bot Connector does not retry it), 503 when the token could not be checked now (Microsoft's signing keys
 * unreachable: the Bot Connector retries, and nothing is accepted unverified meanwhile).
 */
export function authenticationFailureStatus(error: unknown): 401 | 503 {
  const statusCode = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number') return statusCode >= 500 ? 503 : 401;
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && TOKEN_ERRORS.has(name)) return 401;
  return 503;
}
