/**
 * The language codes the loaders accept: ISO 639-1 codes that ICU knows (so a folder called `ui` or `qq` is not taken
 * for a language), optionally with a script or region that is dropped (`pt-BR` -> `pt`, `zh_Hans` -> `zh`).
 */

const LANGUAGE_CODE = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})?$/i;
const NAMES = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** The ISO 639-1 code in `value`, or `undefined` when it is not one. */
export function languageCode(value: string): string | undefined {
  const match = LANGUAGE_CODE.exec(value.trim());
  if (!match) return undefined;
  const code = match[1]!.toLowerCase();
  return NAMES.of(code) !== undefined ? code : undefined;
}
