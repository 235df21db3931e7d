/** Which language's greeting lexicon a short greeting belongs to ("hola" -> es), when exactly one claims it. */
import { isGreeting } from './greeting-detector';
import { templateSets, type TemplateSet } from './templates';

// isGreeting accepts English greetings in every language; compare against English alone to tell them apart.
const english = templateSets.en as TemplateSet;

/** The one non-English language whose greetings the text consists of, `en` for English-only, else undefined. */
export function greetingLanguage(text: string): string | undefined {
  if (text.length > 60) return undefined;
  if (isGreeting(text, english)) return 'en';
  const claimed = Object.values(templateSets).filter((set) => set.language !== 'en' && isGreeting(text, set));
  return claimed.length === 1 ? claimed[0]?.language : undefined;
}
