/**
 * Webhook bodies as Meta's WhatsApp Cloud API documentation shows them (messages webhook reference: text,
 * interactive list and button replies, template button, image, audio / voice, document, sticker, location,
 * reaction, unsupported; statuses sent / delivered / read / failed), with the documentation's sample values.
 */

/** The business phone number id of the examples. */
export const PHONE_NUMBER_ID = '106540352242922';
/** The shopper of the examples. */
export const SHOPPER = { waId: '16505551234', name: 'Sheena Nelson' };

/** Wraps a `value` the way every example does. */
export function envelope(value: Record<string, unknown>, phoneNumberId = PHONE_NUMBER_ID): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId }, ...value },
            field: 'messages',
          },
        ],
      },
    ],
  };
}

const contacts = [{ profile: { name: SHOPPER.name }, wa_id: SHOPPER.waId }];

/** A message webhook with one message. */
function message(fields: Record<string, unknown>): Record<string, unknown> {
  return envelope({ contacts, messages: [{ from: SHOPPER.waId, timestamp: '1749416383', ...fields }] });
}

export const textExample = message({
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
  type: 'text',
  text: { body: 'Does it come in another color?' },
});

export const listReplyExample = message({
  context: { from: '15550783881', id: 'wamid.HBgLMTQxMjU1NTA4MjkVAgARGBIyNkE4OTE5RUNFMDk1QjU1NDEA' },
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
  type: 'interactive',
  interactive: { type: 'list_reply', list_reply: { id: 'priority_express', title: 'Priority Mail Express', description: 'Next Day to 2 Days' } },
});

export const buttonReplyExample = message({
  context: { from: '15550783881', id: 'wamid.HBgLMTQxMjU1NTA4MjkVAgASGBQzQUNCNjk5RDUwNUZGMUZEM0VBRAA=' },
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTc1Q0Q3RTk1NzE0NjlCNzA0RQA=',
  type: 'interactive',
  interactive: { type: 'button_reply', button_reply: { id: 'cancel-button', title: 'Cancel' } },
});

export const templateButtonExample = message({
  context: { from: '15550783881', id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI3MTE5MjVBOTE3MDk5QUVFM0YA' },
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTM0NzA4RkQ2NDYzOTE4MUM4MQA=',
  type: 'button',
  button: { payload: 'Unsubscribe', text: 'Unsubscribe' },
});

export const imageExample = message({
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
  type: 'image',
  image: {
    caption: 'Is this the right one?',
    mime_type: 'image/jpeg',
    sha256: 'uutF+JZ8WBcvY5ChTxTrGtz8LNTmTvkRoZDQ6q6eVOU=',
    id: '1003383421387256',
  },
});

export const voiceExample = message({
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTY0RkU2NzBBRjEyNjI2RjdBNgA=',
  type: 'audio',
  audio: { mime_type: 'audio/ogg; codecs=opus', sha256: 'ZKjcoG7jxEGTaUWO7oqtwWFvQXnN7YVdrGh3AMYkDZw=', id: '1157440692619016', voice: true },
});

export const documentExample = message({
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTM4RTk0QkIyRDU0QzhCOEZGMwA=',
  type: 'document',
  document: { caption: 'Here is the invoice', filename: 'invoice-4271.pdf', mime_type: 'application/pdf', sha256: 'TNnxGrlaqVGqWQQQ2s2APOlnDR8NnvgCOIWW38nFuCs=', id: '1231014508383938' },
});

export const stickerExample = message({
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUY0NTkyMjIwRTk4NTBCN0MwMwA=',
  type: 'sticker',
  sticker: { mime_type: 'image/webp', sha256: 'B2WQyYAbQr2dpCtgk5d8mqJbG8hjLYcE6WOuzhAgkOw=', id: '1215733956605898', animated: false },
});

export const locationExample = message({
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUFERjg0NDEzNDdFODU3MUMxMAA=',
  type: 'location',
  location: { address: '1 Hacker Way, Menlo Park, CA 94025', latitude: 37.483307, longitude: -122.148981, name: 'Meta Headquarters', url: 'https://meta.com' },
});

export const reactionExample = message({
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQUIyRDFBNDM2Q0Q4REE0RDQ1MAA=',
  type: 'reaction',
  reaction: { message_id: 'wamid.HBgLMTQxMjU1NTA4MjkVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA', emoji: '👍' },
});

export const unsupportedExample = message({
  id: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTUyRkM3NDdCQjdEQzNBMjk1RgA=',
  type: 'unsupported',
  errors: [{ code: 131051, title: 'Message type unknown', message: 'Message type unknown', error_data: { details: 'Message type is currently not supported.' } }],
});

const pricing = { billable: true, pricing_model: 'PMP', category: 'service' };
const conversation = { id: '3de3b6cb0f0a5d54e3b1aea06c8d8de3', origin: { type: 'service' } };

/** A receipt of the message `wamid`. */
export function statusExample(wamid: string, status: 'sent' | 'delivered' | 'read'): Record<string, unknown> {
  return envelope({ statuses: [{ id: wamid, status, timestamp: '1750263773', recipient_id: SHOPPER.waId, conversation, pricing }] });
}

/** A `failed` receipt of `wamid` with Meta's re-engagement error. */
export function failedStatusExample(wamid: string): Record<string, unknown> {
  return envelope({
    statuses: [
      {
        id: wamid,
        status: 'failed',
        timestamp: '1750263773',
        recipient_id: SHOPPER.waId,
        errors: [
          {
            code: 131047,
            title: 'Re-engagement message',
            message: 'Re-engagement message',
            error_data: { details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
            href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
          },
        ],
      },
    ],
  });
}
