/**
 * The parts of a Bot Framework activity the platform reads, validated before anything else touches it. Activities
 * carry many more fields (entities, channelData, ...): they pass through untouched. See the Bot Framework Activity
 * schema (https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md).
 */
import { z } from 'zod';

const account = z.looseObject({
  id: z.string().min(1).max(1024),
  name: z.string().max(1024).optional(),
});

/** Every activity: its type, where it comes from and where replies go. */
export const activityEnvelopeSchema = z.looseObject({
  type: z.string().min(1).max(64).describe('Activity type: `message`, `conversationUpdate`, `typing`, `invoke`, ...'),
  channelId: z.string().min(1).max(64).describe('The channel the activity comes from: `msteams`, `webchat`, `directline`, `emulator`, ...'),
  serviceUrl: z
    .url({ protocol: /^https?$/, error: 'must be the http(s) URL of the Bot Connector service' })
    .max(2048)
    .describe('Where replies to this conversation are posted.'),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
});

/** A `message` activity: a shopper's text, a pressed button (`value`), or attachments. */
export const messageActivitySchema = activityEnvelopeSchema.extend({
  id: z.string().min(1).max(512).describe("The channel's id of the activity; a second activity with the same id is a duplicate."),
  from: account,
  recipient: account,
  text: z.string().optional(),
  locale: z.string().max(64).optional(),
  value: z.unknown().optional(),
  // Not bounded beyond the body limit: a long `data:` URL or name is left out by the mapper, not refused (a refused
  // activity would be lost).
  attachments: z
    .array(z.looseObject({ contentType: z.string(), contentUrl: z.string().nullish(), name: z.string().nullish() }))
    .optional()
    .describe('Images, files (Teams: `application/vnd.microsoft.teams.file.download.info`) and cards the shopper sent.'),
});

/** The validated fields of a message activity. */
export type MessageActivity = z.infer<typeof messageActivitySchema>;

/**
 * What the platform's buttons send back in `activity.value`: Adaptive Card `Action.Submit` data, or the value of
 * a `messageBack` / `postBack` action. `title` is what the button said (shown in the transcript).
 */
export const choiceValueSchema = z.looseObject({
  payload: z.string().min(1).max(1000),
  title: z.string().max(1000).optional(),
});
