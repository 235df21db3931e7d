/**
 * Every skill in priority order (the first that matches answers). Buttons first, then a polite answer to a photo,
 * voice note or location sent without words, then requests for a person and
 * complaints (they override a pending question), then the answer to the bot's own pending question, then the
 * intents (informational ones and out-of-scope messages through the help centre when one is connected, else an
 * interim answer), the lexicon greeting, and last the not-understood handling; the foundation's fallback answers alone
 * while no intent model is live.
 */
import {
  complaintSkill,
  goodbyeSkill,
  greetingIntentSkill,
  humanAgentIntentSkill,
  interimTopicSkill,
  notUnderstoodSkill,
  outOfScopeSkill,
  thanksSkill,
} from './conversation-skills';
import { changeAddressSkill, orderCancelSkill, orderStatusSkill, pendingAnswerSkill, pendingQuestionSkill } from './order-skills';
import { knowledgeAnswerSkill, knowledgeRatingSkill } from './knowledge-skills';
import { declineAgentSkill, fallbackSkill, greetingSkill, humanAgentRequestSkill } from './foundation-skills';
import { attachmentSkill } from './attachment-skill';
import type { Skill } from './skill';

/** See the file comment. */
export const defaultSkills: readonly Skill[] = [
  humanAgentRequestSkill,
  declineAgentSkill,
  attachmentSkill,
  knowledgeRatingSkill,
  pendingAnswerSkill,
  humanAgentIntentSkill,
  complaintSkill,
  pendingQuestionSkill,
  orderStatusSkill,
  orderCancelSkill,
  changeAddressSkill,
  greetingIntentSkill,
  goodbyeSkill,
  thanksSkill,
  knowledgeAnswerSkill,
  interimTopicSkill,
  outOfScopeSkill,
  greetingSkill,
  notUnderstoodSkill,
  fallbackSkill,
];
