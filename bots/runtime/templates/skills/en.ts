import type { SkillTexts } from '../skill-texts';

/** English sentences of the intent-driven skills (friendly and direct, as in the general English templates). */
export const enSkillTexts: SkillTexts = {
  orderStatus: {
    askOrderNumber:
      "Sure, I'll check that for you! What's your order number? You'll find it in your order confirmation e-mail.",
    askOrderNumberAgain:
      "I couldn't find an order number in that message. Could you send it again? It looks something like A1B2C3.",
    notFound: "I couldn't find an order with that number in our store. Could you double-check it and send it again?",
    askEmail: 'I found the order. To keep your details safe, could you tell me the e-mail address you ordered with?',
    emailMismatch: "That e-mail address doesn't match the one on the order. Could you check it and try again?",
    summary: 'Your order {order} is {status}.',
    tracking: "It's with {carrier}, tracking number {tracking}: {trackingUrl}",
    expected: 'Expected delivery: {date}.',
    delivered: 'It was delivered on {date}.',
    notShippedYet: "It hasn't left our warehouse yet; you'll get the tracking details as soon as it ships.",
  },
  orderStatuses: {
    pending: 'awaiting payment',
    paid: 'paid',
    processing: 'being prepared',
    shipped: 'shipped',
    in_transit: 'on its way',
    out_for_delivery: 'out for delivery',
    delivered: 'delivered',
    cancelled: 'cancelled',
    returned: 'returned',
  },
  orderCancel: {
    askOrderNumber:
      'Which order would you like to cancel? Please send me the order number from your confirmation e-mail.',
    confirm: 'Just to confirm: shall I cancel order {order} ({items}, {total})?',
    done: 'Done, your order is cancelled. The refund of {total} will go back to your original payment method.',
    notAllowed:
      "Sorry, this order can't be cancelled any more because it's already {status}. You can still return it once it's been delivered.",
    alreadyCancelled: "This order has already been cancelled, so there's nothing more to do.",
    aborted: "Okay, I've left your order as it is. Nothing has changed.",
  },
  changeAddress: {
    askOrderNumber: 'Sure! Which order should go to a different address? Please send me the order number.',
    askAddress:
      "What's the new delivery address for order {order}? Please include street and house number, postcode, city and country.",
    addressIncomplete:
      "That doesn't look like a complete address yet. Could you send it again with street, house number, postcode and city?",
    confirm: 'Shall I have order {order} delivered to {address}?',
    done: 'All set! Order {order} will be delivered to {address}.',
    notAllowed:
      "Sorry, the address can't be changed any more because the order is already {status}. The carrier may still be able to redirect it, so it's worth contacting them.",
    aborted: 'Okay, the delivery address stays as it is.',
  },
  confirmation: { yes: 'Yes', no: 'No' },
  yesWords: [
    'yes',
    'yeah',
    'yep',
    'yup',
    'ya',
    'y',
    'sure',
    'ok',
    'okay',
    'k',
    'of course',
    'correct',
    'right',
    'absolutely',
    'definitely',
    'go ahead',
    'do it',
    'please',
    'yes please',
    'sounds good',
  ],
  noWords: [
    'no',
    'nope',
    'nah',
    'n',
    'no thanks',
    'no thank you',
    'not really',
    'not now',
    'never mind',
    'nevermind',
    'no way',
    'dont',
    'do not',
    'leave it',
    'forget it',
  ],
  goodbye: 'Thanks for getting in touch, and have a great day!',
  thanks: "You're welcome! Let me know if there's anything else I can do for you.",
  notUnderstood:
    "Sorry, I didn't quite get that. Could you put it another way? For example, I can check where your order is, cancel an order or change a delivery address.",
  notUnderstoodHandoff:
    "Sorry, I'm having trouble understanding you. I'm bringing in someone from our team, who will reply right here.",
  outOfScope:
    "I'm afraid I can't help with that. As the {store} assistant, I can check your order status, cancel an order or change its delivery address.",
  complaintHandoff:
    "I'm really sorry about this, and I understand your frustration. Someone from our team is taking over right here to sort it out with you.",
  interim:
    "I understand you're asking about {topic}. I can't answer that reliably on my own yet. Shall I connect you with someone from our team?",
  topics: {
    return_item: 'returning an item',
    refund_status: 'the status of a refund',
    shipping_info: 'shipping and delivery',
    customs_duties: 'customs and import duties',
    payment_issue: 'a problem with a payment',
    payment_methods: 'payment methods',
    product_availability: 'product availability',
    product_recommendation: 'product recommendations',
    size_guide: 'sizes and fit',
    discount_code: 'a discount code',
    damaged_or_wrong_item: 'a damaged or wrong item',
    package_not_received: "a package that hasn't arrived",
    account_help: 'your account',
    invoice_request: 'an invoice',
    warranty_repair: 'warranty and repairs',
  },
};
