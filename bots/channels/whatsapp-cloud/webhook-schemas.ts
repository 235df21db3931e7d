/**
 * zod schemas of the WhatsApp Cloud API webhook (`object: whatsapp_business_account`, `field: messages`), after
 * Meta's webhook reference: `entry[].changes[].value` with `messaging_product`, `metadata.phone_number_id`,
 * `contacts[]`, `messages[]`, `statuses[]` and `errors[]`. Unknown fields are dropped and unknown message types
 * are kept (they become "unsupported"), so a field Meta adds later does not break the webhook; a message without the
 * object its type names (`type: image` without `image`) is malformed and refused.
 */
import { z } from 'zod';

/** An error object inside a webhook (on a status, a message, or the value itself). */
export const webhookErrorSchema = z.object({
  code: z.number(),
  title: z.string().optional(),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});

const contactSchema = z.object({
  wa_id: z.string().min(1),
  profile: z.object({ name: z.string().optional() }).optional(),
});

/** A media object in a message (image, video, audio, document, sticker). */
const mediaSchema = z.object({
  id: z.string().min(1),
  mime_type: z.string().optional(),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
  /** Audio only: true for a voice note recorded in the app. */
  voice: z.boolean().optional(),
  animated: z.boolean().optional(),
});

const choiceSchema = z.object({ id: z.string(), title: z.string(), description: z.string().optional() });

/** Message types whose content is an object named after the type. */
export const TYPED_CONTENT = ['text', 'interactive', 'button', 'image', 'video', 'audio', 'document', 'sticker', 'location'] as const;

/** One inbound message. */
export const webhookMessageSchema = z
  .object({
    from: z.string().min(1),
    id: z.string().min(1),
    timestamp: z.string().optional(),
    type: z.string().min(1),
    text: z.object({ body: z.string() }).optional(),
    interactive: z
      .object({
        type: z.string(),
        button_reply: choiceSchema.optional(),
        list_reply: choiceSchema.optional(),
      })
      .optional(),
    /** The reply to a quick-reply button of a message template. */
    button: z.object({ text: z.string(), payload: z.string().optional() }).optional(),
    image: mediaSchema.optional(),
    video: mediaSchema.optional(),
    audio: mediaSchema.optional(),
    document: mediaSchema.optional(),
    sticker: mediaSchema.optional(),
    location: z
      .object({
        latitude: z.number(),
        longitude: z.number(),
        name: z.string().optional(),
        address: z.string().optional(),
        url: z.string().optional(),
      })
      .optional(),
    errors: z.array(webhookErrorSchema).optional(),
  })
  .superRefine((message, context) => {
    const type = message.type as (typeof TYPED_CONTENT)[number];
    if (TYPED_CONTENT.includes(type) && message[type] === undefined) {
      context.addIssue({ code: 'custom', path: [type], message: `a message of type ${type} needs its "${type}" object` });
    }
    const interactive = message.interactive;
    if (type === 'interactive' && interactive && (interactive.type === 'button_reply' || interactive.type === 'list_reply') && !interactive[interactive.type]) {
      context.addIssue({ code: 'custom', path: ['interactive', interactive.type], message: `an interactive ${interactive.type} needs its "${interactive.type}" object` });
    }
  });

/** A receipt of a message the business sent. */
export const webhookStatusSchema = z.object({
  id: z.string().min(1),
  status: z.string().min(1),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z.array(webhookErrorSchema).optional(),
});

/** `value` of a change with `field: messages`. */
export const messagesValueSchema = z.object({
  messaging_product: z.literal('whatsapp'),
  metadata: z.object({ display_phone_number: z.string().optional(), phone_number_id: z.string().min(1) }),
  contacts: z.array(contactSchema).optional(),
  messages: z.array(webhookMessageSchema).optional(),
  statuses: z.array(webhookStatusSchema).optional(),
  errors: z.array(webhookErrorSchema).optional(),
});

/** The whole webhook body. Changes of other fields (account updates, template reviews) keep an unparsed value. */
export const webhookEnvelopeSchema = z.object({
  object: z.string().min(1),
  entry: z.array(
    z.object({
      id: z.string().optional(),
      changes: z.array(z.object({ field: z.string().min(1), value: z.unknown() })),
    }),
  ),
});

export type WebhookMessage = z.infer<typeof webhookMessageSchema>;
export type WebhookStatus = z.infer<typeof webhookStatusSchema>;
export type WebhookError = z.infer<typeof webhookErrorSchema>;
export type MessagesValue = z.infer<typeof messagesValueSchema>;
export type WebhookEnvelope = z.infer<typeof webhookEnvelopeSchema>;
