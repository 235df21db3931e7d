/**
 * Language pairs of Apertium as the platform routes them: ISO 639-1 codes outside, Apertium's codes inside, and
 * Spanish as the pivot (Debian packages en<->es, fr<->es, pt<->es and it<->es, so fr/pt/it<->en go through es).
 */

/** ISO 639-1 -> the ISO 639-3 code apertium-apy uses. */
export const APY_CODES: Readonly<Record<string, string>> = { en: 'eng', es: 'spa', fr: 'fra', pt: 'por', it: 'ita' };

/** Direct pairs as `from>to` (ISO 639-1) -> the mode name of the `apertium` command. */
export const APERTIUM_MODES: Readonly<Record<string, string>> = {
  'en>es': 'eng-spa',
  'es>en': 'spa-eng',
  'fr>es': 'fr-es',
  'es>fr': 'es-fr',
  'pt>es': 'pt-es',
  'es>pt': 'es-pt',
  'it>es': 'ita-spa',
  'es>it': 'spa-ita',
};

const PIVOT = 'es';

/**
 * The hops from `from` to `to` given the direct pairs available (`from>to` keys): `[]` for the same language, one hop
 * when direct, two through Spanish, undefined when not covered.
 */
export function routePair(from: string, to: string, available: ReadonlySet<string>): Array<[string, string]> | undefined {
  if (from === to) return [];
  if (available.has(`${from}>${to}`)) return [[from, to]];
  if (from !== PIVOT && to !== PIVOT && available.has(`${from}>${PIVOT}`) && available.has(`${PIVOT}>${to}`)) {
    return [
      [from, PIVOT],
      [PIVOT, to],
    ];
  }
  return undefined;
}
