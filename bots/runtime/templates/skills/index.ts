/**
 * The sentences of the intent-driven skills in every supported language.
 */
import { arSkillTexts } from './ar';
import { deSkillTexts } from './de';
import { enSkillTexts } from './en';
import { esSkillTexts } from './es';
import { frSkillTexts } from './fr';
import { idSkillTexts } from './id';
import { itSkillTexts } from './it';
import { jaSkillTexts } from './ja';
import { koSkillTexts } from './ko';
import { plSkillTexts } from './pl';
import { ptSkillTexts } from './pt';
import { ruSkillTexts } from './ru';
import { thSkillTexts } from './th';
import { trSkillTexts } from './tr';
import { viSkillTexts } from './vi';
import { zhSkillTexts } from './zh';
import type { SkillTexts } from '../skill-texts';
import { primaryLanguage } from '../index';

export type { SkillTexts } from '../skill-texts';

/** Every language's skill sentences, keyed by the same ISO 639-1 codes as the general template sets. */
export const skillTexts: Readonly<Record<string, SkillTexts>> = Object.freeze({
  en: enSkillTexts,
  zh: zhSkillTexts,
  es: esSkillTexts,
  fr: frSkillTexts,
  de: deSkillTexts,
  pt: ptSkillTexts,
  ru: ruSkillTexts,
  ar: arSkillTexts,
  ja: jaSkillTexts,
  ko: koSkillTexts,
  it: itSkillTexts,
  tr: trSkillTexts,
  vi: viSkillTexts,
  id: idSkillTexts,
  th: thSkillTexts,
  pl: plSkillTexts,
});

/** The skill sentences for a language, falling back to English like `templatesFor`. */
export function skillTextsFor(language: string | undefined): SkillTexts {
  return skillTexts[primaryLanguage(language)] ?? skillTexts.en!;
}
