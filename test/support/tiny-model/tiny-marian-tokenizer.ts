/**
 * A real SentencePiece-style Unigram tokenizer in the Hugging Face `tokenizers` JSON format, shaped like the ones
 * opus-mt (Marian) models ship: Metaspace pre-tokenizer and decoder (`▁` marks a word start), `$A </s>` post-processing,
 * `</s>` = 0, `<unk>` = 1, `<pad>` = 2. The vocabulary holds a few shop words in English and Spanish as whole pieces,
 * and every letter, digit and punctuation mark both alone and as a word start, so any Latin text tokenizes without
 * `<unk>`.
 */

/** Special tokens with their fixed ids (Marian order: eos first, pad doubles as the decoder start). */
export const MARIAN_SPECIAL_TOKENS = { eos: '</s>', unk: '<unk>', pad: '<pad>' } as const;

const WORDS = [
  'where', 'is', 'my', 'order', 'the', 'refund', 'shipping', 'package', 'please', 'thanks', 'hello',
  'donde', 'esta', 'mi', 'pedido', 'el', 'reembolso', 'envio', 'paquete', 'por', 'favor', 'gracias', 'hola',
];
const CHARACTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const PUNCTUATION = [...'.,!?¿¡\'"-:;()'];
const WORD_START = '\u2581';

/** The pieces with their Unigram log-probabilities, in id order (ids are positions). */
export function tinyMarianPieces(): Array<[string, number]> {
  return [
    [MARIAN_SPECIAL_TOKENS.eos, 0],
    [MARIAN_SPECIAL_TOKENS.unk, 0],
    [MARIAN_SPECIAL_TOKENS.pad, 0],
    // Whole words score far above their spelling, so Viterbi keeps them in one piece.
    ...WORDS.map((word): [string, number] => [`${WORD_START}${word}`, -2]),
    [WORD_START, -6],
    ...CHARACTERS.map((character): [string, number] => [`${WORD_START}${character}`, -7]),
    ...CHARACTERS.map((character): [string, number] => [character, -8]),
    ...PUNCTUATION.map((mark): [string, number] => [mark, -8]),
  ];
}

/** The contents of `tokenizer.json`. */
export function tinyMarianTokenizerJson(pieces: Array<[string, number]>): Record<string, unknown> {
  const specials = Object.values(MARIAN_SPECIAL_TOKENS);
  const metaspace = { type: 'Metaspace', replacement: WORD_START, prepend_scheme: 'always', split: true };
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: specials.map((token) => ({
      id: pieces.findIndex(([piece]) => piece === token),
      content: token,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'Lowercase' },
    pre_tokenizer: metaspace,
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: MARIAN_SPECIAL_TOKENS.eos, type_id: 0 } }],
      pair: [
        { Sequence: { id: 'A', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 0 } },
        { SpecialToken: { id: MARIAN_SPECIAL_TOKENS.eos, type_id: 0 } },
      ],
      special_tokens: { [MARIAN_SPECIAL_TOKENS.eos]: { id: MARIAN_SPECIAL_TOKENS.eos, ids: [0], tokens: [MARIAN_SPECIAL_TOKENS.eos] } },
    },
    decoder: metaspace,
    model: { type: 'Unigram', unk_id: 1, vocab: pieces, byte_fallback: false },
  };
}

/** The contents of `tokenizer_config.json` (the class name picks transformers.js' MarianTokenizer). */
export function tinyMarianTokenizerConfig(maxLength: number): Record<string, unknown> {
  return {
    tokenizer_class: 'MarianTokenizer',
    model_max_length: maxLength,
    clean_up_tokenization_spaces: false,
    eos_token: MARIAN_SPECIAL_TOKENS.eos,
    unk_token: MARIAN_SPECIAL_TOKENS.unk,
    pad_token: MARIAN_SPECIAL_TOKENS.pad,
    source_lang: 'es',
    target_lang: 'en',
  };
}
