/**
 * The bot's fixed sentences in every supported language, and how to pick and fill them in.
 */
import { arTemplates } from './ar';
import { deTemplates } from './de';
import { enTemplates } from './en';
import { esTemplates } from './es';
import { frTemplates } from './fr';
import { idTemplates } from './id';
import { itTemplates } from './it';
import { jaTemplates } from './ja';
import { koTemplates } from './ko';
import { plTemplates } from './pl';
import { ptTemplates } from './pt';
import { ruTemplates } from './ru';
import { thTemplates } from './th';
import { trTemplates } from './tr';
import { viTemplates } from './vi';
import { zhTemplates } from './zh';
import type { TemplateSet } from './template-set';

export type { TemplateSet } from './template-set';

/** Every template set, keyed by its ISO 639-1 code (`en`, `zh`, `es`, ...). */
export const templateSets: Readonly<Record<string, TemplateSet>> = Object.freeze({
  en: enTemplates,
  zh: zhTemplates,
  es: esTemplates,
  fr: frTemplates,
  de: deTemplates,
  pt: ptTemplates,
  ru: ruTemplates,
  ar: arTemplates,
  ja: jaTemplates,
  ko: koTemplates,
  it: itTemplates,
  tr: trTemplates,
  vi: viTemplates,
  id: idTemplates,
  th: thTemplates,
  pl: plTemplates,
});

/** The language codes that have a template set, in no particular order. */
export const supportedTemplateLanguages: readonly string[] = Object.freeze(Object.keys(templateSets));

/**
 * Legacy codes still sent by some platforms, mapped to today's: Java and Android report Indonesian as `in`.
 */
const languageAliases: Readonly<Record<string, string>> = { in: 'id' };

/**
 * The template set for a BCP-47 language tag, falling back to English.
 *
 * Only the primary subtag counts, case-insensitively (`es-MX` → `es`, `zh-Hant-TW` → `zh`, `pt_BR` → `pt`),
 * because each language has one set; unknown or missing languages get English so the bot always has
 * something to say.
 */
export function templatesFor(language: string | undefined): TemplateSet {
  return templateSets[primaryLanguage(language)] ?? enTemplates;
}

/** The primary subtag of a BCP-47 tag, lower case, with legacy codes mapped (`pt_BR` → `pt`, `in` → `id`). */
export function primaryLanguage(language: string | undefined): string {
  const primary = language?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return languageAliases[primary] ?? primary;
}

/**
 * Replaces `{name}` placeholders in `text` with `vars[name]`.
 *
 * Placeholders without a value are left as they are, so a missing variable shows up visibly instead of
 * silently vanishing.
 */
export function renderTemplate(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder: string, name: string) =>
    Object.hasOwn(vars, name) ? (vars[name] ?? placeholder) : placeholder,
  );
}
