/**
 * How each family of translation model is told the languages, so the rest of the platform speaks ISO 639-1 only:
 * NLLB-200 wants FLORES-200 codes (`spa_Latn`) as `src_lang`/`tgt_lang`, M2M100 wants its own (mostly ISO 639-1)
 * codes, and an opus-mt (Marian) model translates the one pair in its name and takes no codes at all.
 */

/** A family of translation models, each with its own way of naming languages. */
export type TranslationFamily = 'nllb' | 'm2m100' | 'opus-mt';

/** The language arguments of transformers.js' translation pipeline for one pair (none for opus-mt). */
export interface PipelineLanguages {
  src_lang?: string;
  tgt_lang?: string;
}

/** The model id names no family the runtime knows, or the pair is not one the model translates. */
export class TranslationLanguageError extends Error {
  override readonly name = 'TranslationLanguageError';
}

/** ISO 639-1 -> FLORES-200 code, for the languages shops ask for most (NLLB-200 knows 200; add more here). */
const NLLB_CODES: Readonly<Record<string, string>> = {
  ar: 'arb_Arab', bg: 'bul_Cyrl', bn: 'ben_Beng', ca: 'cat_Latn', cs: 'ces_Latn', da: 'dan_Latn', de: 'deu_Latn',
  el: 'ell_Grek', en: 'eng_Latn', es: 'spa_Latn', et: 'est_Latn', fa: 'pes_Arab', fi: 'fin_Latn', fr: 'fra_Latn',
  he: 'heb_Hebr', hi: 'hin_Deva', hr: 'hrv_Latn', hu: 'hun_Latn', id: 'ind_Latn', it: 'ita_Latn', ja: 'jpn_Jpan',
  ko: 'kor_Hang', lt: 'lit_Latn', lv: 'lvs_Latn', ms: 'zsm_Latn', nl: 'nld_Latn', no: 'nob_Latn', pl: 'pol_Latn',
  pt: 'por_Latn', ro: 'ron_Latn', ru: 'rus_Cyrl', sk: 'slk_Latn', sl: 'slv_Latn', sr: 'srp_Cyrl', sv: 'swe_Latn',
  sw: 'swh_Latn', th: 'tha_Thai', tl: 'tgl_Latn', tr: 'tur_Latn', uk: 'ukr_Cyrl', ur: 'urd_Arab', vi: 'vie_Latn',
  zh: 'zho_Hans',
};

/** The ISO 639-1 codes among M2M100's 100 languages (its token is `__<code>__`, the code is what the pipeline takes). */
const M2M100_CODES: ReadonlySet<string> = new Set(
  ('af am ar az ba be bg bn br bs ca cs cy da de el en es et fa ff fi fr fy ga gd gl gu ha he hi hr ht hu hy id ig is ' +
    'it ja jv ka kk km kn ko lb lg ln lo lt lv mg mk ml mn mr ms my ne nl no oc or pa pl ps pt ro ru sd si sk sl so sq ' +
    'sr ss su sv sw ta th tl tn tr uk ur uz vi wo xh yi yo zh zu').split(' '),
);

// `Helsinki-NLP/opus-mt-es-en`, `Xenova/opus-mt-es-en`: the pair is the last two parts of the name.
const OPUS_MT_PAIR = /opus-mt-([a-z]{2})-([a-z]{2})$/i;

/**
 * The family a hub id belongs to, from its name (`nllb`, `m2m100`, `opus-mt-<from>-<to>`), or undefined.
 *
 * @example
 * translationFamilyOf('Xenova/nllb-200-distilled-600M'); // 'nllb'
 */
export function translationFamilyOf(modelId: string): TranslationFamily | undefined {
  const name = modelId.toLowerCase();
  if (name.includes('nllb')) return 'nllb';
  if (name.includes('m2m100') || name.includes('m2m_100')) return 'm2m100';
  if (OPUS_MT_PAIR.test(name)) return 'opus-mt';
  return undefined;
}

/** The one pair an opus-mt model translates, from its id (`...opus-mt-es-en` -> `['es', 'en']`). */
export function opusMtPair(modelId: string): [string, string] | undefined {
  const match = OPUS_MT_PAIR.exec(modelId);
  return match?.[1] && match[2] ? [match[1].toLowerCase(), match[2].toLowerCase()] : undefined;
}

/** The ISO 639-1 languages a model of `family` translates between (for opus-mt, the two of its pair). */
export function familyLanguages(family: TranslationFamily, modelId: string): ReadonlySet<string> {
  if (family === 'nllb') return new Set(Object.keys(NLLB_CODES));
  if (family === 'm2m100') return M2M100_CODES;
  return new Set(opusMtPair(modelId) ?? []);
}

/** Whether a model of `family` translates `from` -> `to` (ISO 639-1). */
export function familySupports(family: TranslationFamily, modelId: string, from: string, to: string): boolean {
  if (from === to) return false;
  if (family === 'opus-mt') {
    const pair = opusMtPair(modelId);
    return pair?.[0] === from && pair[1] === to;
  }
  const languages = familyLanguages(family, modelId);
  return languages.has(from) && languages.has(to);
}

/**
 * The pipeline's language arguments for `from` -> `to` (ISO 639-1).
 *
 * @throws TranslationLanguageError when the model does not translate that pair.
 */
export function pipelineLanguages(family: TranslationFamily, modelId: string, from: string, to: string): PipelineLanguages {
  if (!familySupports(family, modelId, from, to)) {
    throw new TranslationLanguageError(
      `${modelId} (${family}) does not translate ${from} -> ${to}. ` +
        (family === 'opus-mt'
          ? 'An opus-mt model translates only the pair in its name; configure one per pair or use an NLLB or M2M100 model.'
          : `It knows: ${[...familyLanguages(family, modelId)].sort().join(', ')}.`),
    );
  }
  if (family === 'nllb') return { src_lang: NLLB_CODES[from], tgt_lang: NLLB_CODES[to] };
  if (family === 'm2m100') return { src_lang: from, tgt_lang: to };
  return {};
}

/**
 * The family of `modelId`, or `declared` when given.
 *
 * @throws TranslationLanguageError when neither names a family.
 */
export function resolveTranslationFamily(modelId: string, declared?: TranslationFamily): TranslationFamily {
  const family = declared ?? translationFamilyOf(modelId);
  if (!family) {
    throw new TranslationLanguageError(
      `Cannot tell how "${modelId}" names languages: use an NLLB (e.g. Xenova/nllb-200-distilled-600M), M2M100 ` +
        '(Xenova/m2m100_418M) or per-pair opus-mt model (Xenova/opus-mt-es-en), or pass its family explicitly.',
    );
  }
  if (family === 'opus-mt' && !opusMtPair(modelId)) {
    throw new TranslationLanguageError(`"${modelId}" is declared opus-mt but its name does not end in opus-mt-<from>-<to>.`);
  }
  return family;
}
