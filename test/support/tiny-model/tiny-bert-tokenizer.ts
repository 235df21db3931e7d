/**
 * A real WordPiece tokenizer in the Hugging Face `tokenizers` JSON format (BertNormalizer, BertPreTokenizer,
 * TemplateProcessing `[CLS] $A [SEP]`), with a small vocabulary: special tokens, a few shop words, and every letter
 * and digit both as a word start and as a `##` continuation, so any Latin text tokenizes without `[UNK]`.
 */

/** Special tokens, with their fixed ids 0-4 (BERT order). */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

const WORDS = [
  'hello', 'world', 'where', 'is', 'my', 'order', 'the', 'a', 'refund', 'shipping', 'track', 'package', 'cancel',
  'please', 'thanks', 'hola', 'donde', 'esta', 'pedido', 'bonjour', 'commande', 'wo', 'ist', 'meine', 'bestellung',
];
const CHARACTERS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
const PUNCTUATION = [...'.,!?\'"-:;()'];

/** The vocabulary, token -> id. */
export function tinyBertVocabulary(): Map<string, number> {
  const tokens = [
    ...SPECIAL_TOKENS,
    ...WORDS,
    ...CHARACTERS.filter((c) => !WORDS.includes(c)),
    ...PUNCTUATION,
    ...CHARACTERS.map((c) => `##${c}`),
  ];
  return new Map(tokens.map((token, id) => [token, id]));
}

/** The contents of `tokenizer.json`. */
export function tinyBertTokenizerJson(vocabulary: Map<string, number>): Record<string, unknown> {
  const id = (token: string): number => {
    const value = vocabulary.get(token);
    if (value === undefined) throw new Error(`token ${token} is missing from the vocabulary`);
    return value;
  };
  const special = (token: string) => ({ SpecialToken: { id: token, type_id: 0 } });
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => ({
      id: id(token),
      content: token,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [special('[CLS]'), { Sequence: { id: 'A', type_id: 0 } }, special('[SEP]')],
      pair: [
        special('[CLS]'),
        { Sequence: { id: 'A', type_id: 0 } },
        special('[SEP]'),
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: Object.fromEntries(
        ['[CLS]', '[SEP]'].map((token) => [token, { id: token, ids: [id(token)], tokens: [token] }]),
      ),
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: '[UNK]',
      continuing_subword_prefix: '##',
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary),
    },
  };
}

/** The contents of `tokenizer_config.json`. */
export function tinyBertTokenizerConfig(maxLength: number): Record<string, unknown> {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    model_max_length: maxLength,
    clean_up_tokenization_spaces: true,
    pad_token: '[PAD]',
    unk_token: '[UNK]',
    cls_token: '[CLS]',
    sep_token: '[SEP]',
    mask_token: '[MASK]',
  };
}
