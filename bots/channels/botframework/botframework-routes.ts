/**
 * `POST /api/messages`, the Bot Framework messaging endpoint the Azure Bot resource points at. Each request is
 * authenticated before its body is looked at (a missing, forged or expired Bot Connector token gets 401 whenever an
 * App ID is configured), validated (400 with the first bad field), then run as a botbuilder turn (inbound-turn.ts)
 * that persists the shopper's message before the request is answered. Mounted after `express.json`: botbuilder
 * reads the parsed body, and the token signs the request's claims, not its bytes.
 */
import { Router, type Request } from 'express';
import type { Activity } from 'botbuilder';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Config } from '../../../config';
import type { Database } from '../../../platform/database';
import { asyncHandler, HttpError, parseOrThrow } from '../../../platform/http/errors';
import type { ApiCatalogue } from '../../../platform/http/openapi';
import type { WorkspaceStore } from '../../../platform/workspaces';
import type { ConversationStore } from '../../runtime/conversation-store';
import { activityEnvelopeSchema, messageActivitySchema } from './activity-schema';
import { authenticationFailureStatus, BotCloudAdapter, type AuthenticatedRequest, type AuthenticationEndpoints } from './bot-cloud-adapter';
import { BOTFRAMEWORK_CAPABILITIES } from './botframework-capabilities';
import { ConversationAddressStore } from './conversation-address-store';
import { InboundTurn, type InboundSink } from './inbound-turn';

/** The messaging endpoint's path (what the Azure Bot's "Messaging endpoint" ends with). */
export const MESSAGES_PATH = '/api/messages';

/** What the routes need. */
export interface BotFrameworkRoutesDeps {
  settings: Config['botFramework'];
  /** `workspace.defaultSlug`: the workspace when `settings.workspace` is empty. */
  defaultWorkspaceSlug: string;
  workspaces: Pick<WorkspaceStore, 'findBySlug'>;
  conversations: Pick<ConversationStore, 'resolveConversation' | 'listMessages'>;
  db: Kysely<Database>;
  /** The platform's IngestService (or a recorder in tests). */
  ingest: InboundSink;
  /** `chat.maxMessageLength`: longer shopper messages are cut. */
  maxMessageLength: number;
  logger: Logger;
  /** Token verification endpoints other than Microsoft's public ones (tests, sovereign clouds). */
  endpoints?: AuthenticationEndpoints;
}

/** The mounted routes. */
export interface BotFrameworkRoutes {
  router: Router;
  /** Checks that the configured workspace exists and warns when authentication is off. */
  start(): Promise<void>;
}

/** Raised when the configured workspace does not exist. */
export class BotFrameworkWorkspaceError extends Error {
  override readonly name = 'BotFrameworkWorkspaceError';
}

/** Builds the router; see the file comment. */
export function createBotFrameworkRoutes(deps: BotFrameworkRoutesDeps): BotFrameworkRoutes {
  const cloud = new BotCloudAdapter(deps.settings, deps.endpoints);
  const workspaceId = workspaceResolver(deps.workspaces, deps.settings.workspace || deps.defaultWorkspaceSlug);
  const turn = new InboundTurn({
    workspaceId,
    conversations: deps.conversations,
    addresses: new ConversationAddressStore(deps.db),
    ingest: deps.ingest,
    maxTextLength: deps.maxMessageLength,
    maxTitleLength: BOTFRAMEWORK_CAPABILITIES.quickReplies?.maxTitleLength ?? 0,
  });

  const router = Router();
  router.post(
    MESSAGES_PATH,
    asyncHandler(async (req, res) => {
      if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
        throw new HttpError(400, 'invalid_request', 'The body must be a Bot Framework activity (a JSON object) sent with Content-Type: application/json.');
      }
      const activity = req.body as Activity;
      const request = await authenticate(cloud, activity, req, deps.logger);
      parseOrThrow(activity.type === 'message' ? messageActivitySchema : activityEnvelopeSchema, activity, 'activity');
      const invoke = await cloud.runTurn(request, activity, turn.run);
      if (invoke) {
        res.status(invoke.status);
        if (invoke.body === undefined) res.end();
        else res.json(invoke.body);
        return;
      }
      res.status(200).end();
    }),
  );

  return {
    router,
    async start() {
      await workspaceId();
      if (!cloud.authenticationEnabled) {
        deps.logger.warn('Bot Framework authentication is off (MICROSOFT_APP_ID is empty): anyone can post activities to /api/messages. Use this only with the Emulator.');
      }
    },
  };
}

/** Verifies the request's token; refusals become 401 (or 503 when the token cannot be checked now). */
async function authenticate(cloud: BotCloudAdapter, activity: Activity, req: Request, logger: Logger): Promise<AuthenticatedRequest> {
  try {
    return await cloud.authenticate(activity, req.get('authorization') ?? '');
  } catch (error) {
    const status = authenticationFailureStatus(error);
    const reason = error instanceof Error ? error.message : String(error);
    logger.warn({ status, reason, channelId: activity.channelId, ip: req.ip }, 'Bot Framework request refused');
    if (status === 401) throw new HttpError(401, 'unauthorized', 'The request does not carry a valid Bot Connector token for this bot.');
    throw new HttpError(503, 'authentication_unavailable', "The Bot Connector token could not be verified now (Microsoft's signing keys are unreachable); try again later.");
  }
}

/** The workspace's id by slug, looked up once it exists. */
function workspaceResolver(workspaces: Pick<WorkspaceStore, 'findBySlug'>, slug: string): () => Promise<string> {
  let id: string | undefined;
  return async () => {
    if (id) return id;
    const workspace = await workspaces.findBySlug(slug);
    if (!workspace) {
      throw new BotFrameworkWorkspaceError(`The Bot Framework channel belongs to workspace "${slug}", which does not exist: create it, or set BOTFRAMEWORK_WORKSPACE to an existing slug.`);
    }
    id = workspace.id;
    return id;
  };
}

/** Documents the route in the OpenAPI document. */
export function describeBotFrameworkRoutes(api: ApiCatalogue): void {
  api.describe({
    method: 'post',
    path: MESSAGES_PATH,
    tag: 'botframework',
    summary:
      'Bot Framework messaging endpoint (Azure Bot "Messaging endpoint"): receives activities from the Bot Connector service, authenticated with its bearer token when MICROSOFT_APP_ID is set.',
    body: activityEnvelopeSchema,
    responses: {
      200: { description: 'Accepted: the message is stored; the reply follows as a separate activity.' },
      400: { description: 'Not a valid activity.' },
      401: { description: 'Missing, forged or expired Bot Connector token.' },
      503: { description: 'The token could not be verified now; the Bot Connector retries.' },
    },
  });
}
