/** Slack channel for the human handoff: the Bolt app (HTTP or Socket Mode), sending, blocks, users, routing. */
export {
  createSlackApp,
  SLACK_PATHS,
  SlackMountOrderError,
  SlackHandlerTimeoutError,
  SlackDeliveryInFlightError,
  type SlackAppSettings,
  type SlackAppDeps,
  type SlackBotIdentity,
  type SlackTransport,
} from './slack-app';
export type { SlackHandoffHandlers, SlackThreadMessage, SlackHandoffAction, SlackHandoffActionType, SlackSlashCommand } from './slack-types';
export { DeliveryDedup, type DeliveryClaim, type DeliveryDedupOptions } from './delivery-dedup';
export { SlackSender, type SlackPost, type SlackPosted, type SlackUpdate } from './slack-sender';
export { IdempotentSlackPoster, POST_EVENT_TYPE } from './idempotent-poster';
export { SlackRetryableError, SlackPermanentError, classifySlackError } from './slack-errors';
export { createSlackWebClient, type SlackWebClientSettings } from './slack-web-client';
export { SlackUserDirectory, type SlackUserProfile, type SlackUserDirectoryOptions } from './user-directory';
export { handoffRootMessage, escapeMrkdwn, type HandoffSummary, type HandoffStatus, type TranscriptLine, type SlackBlock } from './handoff-blocks';
export { pickAgentsChannel, type HandoffRoutingFacts, type SlackRouteRule } from './channel-routing';
export { HANDOFF_ACTION_IDS, HANDOFF_BLOCK_PREFIX, deliveryKey, toHandoffAction, toSlashCommand, toThreadMessage } from './slack-payloads';
