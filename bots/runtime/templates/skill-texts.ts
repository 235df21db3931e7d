/**
 * The sentences of the intent-driven skills in one language. Placeholders in braces are filled by the skill:
 * `{order}` order number, `{status}` one of `orderStatuses`, `{carrier}` carrier name, `{tracking}` tracking number,
 * `{trackingUrl}` link, `{date}` a date already formatted for the language, `{items}` a short item list, `{total}`
 * formatted amount, `{address}` one-line address, `{email}` masked e-mail, `{store}` store name, `{topic}` one of
 * `topics`. Write them as a friendly, competent human agent of an online store would, in the register the language's
 * general templates use; keep each to one or two short sentences.
 */
export interface SkillTexts {
  orderStatus: {
    /** No order number yet: ask for it, mentioning where to find it (confirmation e-mail). */
    askOrderNumber: string;
    /** The message had no order number again: ask once more, with an example like `A1B2C3`. */
    askOrderNumberAgain: string;
    /** No order with that number in this store. */
    notFound: string;
    /** The order exists but is not linked to this chat: ask for the order's e-mail address to verify. */
    askEmail: string;
    /** The given e-mail does not match the order. */
    emailMismatch: string;
    /** First line of the answer: "Your order {order} is {status}." */
    summary: string;
    /** Travelling: "It is with {carrier}, tracking number {tracking}: {trackingUrl}" */
    tracking: string;
    /** "Expected delivery: {date}." */
    expected: string;
    /** "It was delivered on {date}." */
    delivered: string;
    /** Not shipped yet: tracking details follow when it leaves the warehouse. */
    notShippedYet: string;
  };
  /** Human names of the order statuses, used for `{status}`; lower case unless the language capitalises. */
  orderStatuses: {
    pending: string;
    paid: string;
    processing: string;
    shipped: string;
    in_transit: string;
    out_for_delivery: string;
    delivered: string;
    cancelled: string;
    returned: string;
  };
  orderCancel: {
    /** Ask for the order number of the order to cancel. */
    askOrderNumber: string;
    /** Confirmation question: cancel order {order} ({items}, {total})? */
    confirm: string;
    /** Cancelled; the refund of {total} goes back to the original payment method. */
    done: string;
    /** Cannot cancel because it is {status}; suggest a return after delivery. */
    notAllowed: string;
    /** Already cancelled. */
    alreadyCancelled: string;
    /** The shopper said no: nothing changed. */
    aborted: string;
  };
  changeAddress: {
    /** Ask for the order number whose address should change. */
    askOrderNumber: string;
    /** Ask for the full new address for order {order} (street and number, postcode, city, country). */
    askAddress: string;
    /** The text does not look like a full address: ask again for street, number, postcode and city. */
    addressIncomplete: string;
    /** Confirmation question: deliver order {order} to {address}? */
    confirm: string;
    /** Changed: order {order} will go to {address}. */
    done: string;
    /** Cannot change because it is {status}; suggest contacting the carrier. */
    notAllowed: string;
    /** The shopper said no: the address stays. */
    aborted: string;
  };
  /** Quick-reply titles for confirmations. */
  confirmation: { yes: string; no: string };
  /** Words that count as yes / no when typed (lower case, no punctuation), e.g. `yes`, `sure`, `ok`, `no`, `nope`. */
  yesWords: string[];
  noWords: string[];
  /** Reply to goodbye. */
  goodbye: string;
  /** Reply to thanks. */
  thanks: string;
  /** Not understood, first time: ask to rephrase, with two or three examples of what the bot can do. */
  notUnderstood: string;
  /** Not understood several times in a row: a person is being brought in. */
  notUnderstoodHandoff: string;
  /** Outside what the store's assistant handles: say what it can help with. May contain `{store}`. */
  outOfScope: string;
  /** Complaint or strong frustration: apologise sincerely, a person from the team takes over here. */
  complaintHandoff: string;
  /**
   * Intents whose answers need modules that are not connected yet (help centre, recommendations, risk checks):
   * "I understood that you are asking about {topic}. I can't answer that reliably on my own yet; shall I connect you
   * with a person from our team?"
   */
  interim: string;
  /** Names of the topics for `{topic}`, as a noun phrase that fits the interim sentence. */
  topics: {
    return_item: string;
    refund_status: string;
    shipping_info: string;
    customs_duties: string;
    payment_issue: string;
    payment_methods: string;
    product_availability: string;
    product_recommendation: string;
    size_guide: string;
    discount_code: string;
    damaged_or_wrong_item: string;
    package_not_received: string;
    account_help: string;
    invoice_request: string;
    warranty_repair: string;
  };
  /**
   * The risk check before a sensitive action (address change, cancellation, refund request, "not received" claim,
   * payment change). Nothing here may hint at fraud, scores or rules: to the shopper it is ordinary account security.
   */
  riskCheck: {
    /** A one-time code went to the e-mail on the order ({email}, masked): ask the shopper to type it here. */
    codeSent: string;
    /** The code typed was wrong; {remaining} tries are left. */
    codeWrong: string;
    /** The code is no longer valid: ask them to make the request again to get a new one. */
    codeExpired: string;
    /** The message held no 6-digit code: ask for the code from the e-mail again. */
    askCode: string;
    /** A person from the team takes over this request here (neutral, no reason given). */
    handoff: string;
    /** Subject of the code e-mail; may contain {store}. */
    emailSubject: string;
    /** Body of the code e-mail: {code}, valid {minutes} minutes, ignore it if you did not ask; may contain {store}. */
    emailBody: string;
    /** Lower-case phrases (no punctuation) that make a refund message a request for one, not a status question. */
    refundRequestPhrases: string[];
    /** Lower-case phrases (no punctuation) that make a payment message a request to change the payment. */
    paymentChangePhrases: string[];
  };
  /** Answers from the help centre (knowledge base). */
  knowledge: {
    /** Under the quoted passage: "More in our help centre: {url}". */
    readMore: string;
    /** Before a passage only written in another language: "This answer is only available in {language} for now:" ({language} is that language's name, in the shopper's language). */
    otherLanguage: string;
    /** Retrieval found nothing it is sure of: say so and offer a person (no guessing). */
    unsure: string;
    /** Quick-reply titles for rating an answer. */
    helpful: string;
    notHelpful: string;
    /** After a "helpful" rating. */
    thanksHelpful: string;
    /** After a "not helpful" rating: thank, and offer a person. */
    thanksNotHelpful: string;
  };
  /**
   * Product recommendations (skills/recommendation-skills.ts). `{product}` is a product title. The product cards
   * carry the titles, prices and links; these sentences only introduce them.
   */
  recommendation: {
    /** The request is too vague: ONE question, a kind of product or a budget, with an example ("running shoes under 100 €"). */
    askPreference: string;
    /** Above the cards. */
    intro: string;
    /** Above cards similar to {product}. */
    similarIntro: string;
    /** Nothing matched every wish, so these are the closest. */
    relaxedIntro: string;
    /** Nothing in stock that ships to the shopper fits: suggest another kind of product or budget. */
    noResults: string;
    /** Button under each card (at most 20 characters). */
    moreLikeThis: string;
    /**
     * Words that point at a card by its position, lower case, without punctuation: `ordinals[0]` the first card's
     * ("first", "1st"), `ordinals[1]` the second's, up to the fourth.
     */
    ordinals: string[][];
    /**
     * What shoppers call the store's categories, by the category's lower-case English name: the first word is the
     * button title (at most 20 characters), every word is recognised in messages (lower case ones, accents as written).
     */
    categories: Readonly<Record<string, readonly string[]>>;
  };
}
