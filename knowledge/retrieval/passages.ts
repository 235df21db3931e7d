/**
 * Cuts an article version's body into passages: the pieces the bot quotes and the units keyword and vector search
 * score. A passage stays inside one section (it keeps the section heading), holds whole paragraphs, list items and
 * table rows where it can, and is roughly `minWords`-`maxWords` long: long enough to answer on its own, short enough
 * to quote in a chat bubble and to score one topic. A paragraph longer than the maximum is cut between sentences.
 * Sections shorter than the minimum join the next section (its heading kept as a line of the text), or the previous
 * passage when they come last.
 *
 * Length is counted in words for spaced scripts; Chinese and Japanese count two characters as a word and Thai four
 * (roughly what a word of English takes in those scripts), so a 150-word passage is about 300 Chinese characters.
 */
import { markdownBlocks, type MarkdownBlock } from './markdown-blocks';
import { foldText } from './text-analysis';
import type { KnowledgeDocument, Passage } from './types';

/** Options of {@link splitIntoPassages}. */
export interface PassageOptions {
  /** Passages (and sections) shorter than this are merged with a neighbour. @defaultValue 40 */
  minWords?: number;
  /** Passages are cut before they grow past this, between blocks or sentences. @defaultValue 150 */
  maxWords?: number;
}

/** A piece of text that is never split further, and what joins it to the piece before it. */
interface Atom {
  text: string;
  length: number;
  glue: string;
}

interface Section {
  heading?: string;
  atoms: Atom[];
}

const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const THAI = /\p{Script=Thai}/gu;
const SPACED_WORD = /[\p{L}\p{N}]+/gu;

/** Thai, kana and the main Han blocks (with surrogates of the supplementary Han planes): a cheap pre-check. */
const MAYBE_DENSE = /[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ud840-\ud87f]/;

/** Length of a text in words (see the file comment for CJK and Thai). */
export function textLength(text: string): number {
  if (!MAYBE_DENSE.test(text)) return text.match(SPACED_WORD)?.length ?? 0;
  const hanOrKana = text.match(HAN_OR_KANA)?.length ?? 0;
  const thai = text.match(THAI)?.length ?? 0;
  const rest = text.replace(HAN_OR_KANA, ' ').replace(THAI, ' ');
  return (rest.match(SPACED_WORD)?.length ?? 0) + hanOrKana / 2 + thai / 4;
}

function atom(text: string, glue: string): Atom {
  return { text, length: textLength(text), glue };
}

/** A paragraph too long for one passage -> its sentences (a sentence too long alone -> pieces of `max` words). */
function sentenceAtoms(text: string, language: string, max: number): Atom[] {
  const segmenter = new Intl.Segmenter(language || 'en', { granularity: 'sentence' });
  const atoms: Atom[] = [];
  let glue = '\n\n';
  for (const { segment } of segmenter.segment(text)) {
    const sentence = segment.trim();
    if (!sentence) continue;
    const pieces = textLength(sentence) > max ? cutByLength(sentence, max) : [sentence];
    for (const piece of pieces) {
      atoms.push(atom(piece, glue));
      glue = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]$/u.test(piece) || /[。！？]$/u.test(piece) ? '' : ' ';
    }
  }
  return atoms;
}

/** Cuts a text with no sentence breaks into pieces of at most `max` words (CJK: `2 * max` characters). */
function cutByLength(text: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  let length = 0;
  for (const part of text.match(/\s*(?:[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]|[^\s\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]+)/gu) ?? []) {
    const partLength = textLength(part);
    if (current && length + partLength > max) {
      pieces.push(current.trim());
      current = part.trimStart();
      length = partLength;
    } else {
      current += part;
      length += partLength;
    }
  }
  if (current.trim()) pieces.push(current.trim());
  return pieces;
}

function blockAtoms(block: Exclude<MarkdownBlock, { kind: 'heading' }>, language: string, max: number): Atom[] {
  switch (block.kind) {
    case 'list':
      return block.items.map((line, i) => atom(line, i === 0 ? '\n\n' : '\n'));
    case 'table':
      return block.rows.map((row, i) => atom(row, i === 0 ? '\n\n' : '\n'));
    default:
      return textLength(block.text) > max ? sentenceAtoms(block.text, language, max) : [atom(block.text, '\n\n')];
  }
}

function sections(document: KnowledgeDocument, max: number): Section[] {
  const blocks = markdownBlocks(document.body);
  // A leading "# Title" repeats the title, which is searched on its own; it is not a section heading.
  const first = blocks[0];
  if (first?.kind === 'heading' && first.depth === 1 && foldText(first.text) === foldText(document.title.trim())) blocks.shift();
  const out: Section[] = [{ atoms: [] }];
  for (const block of blocks) {
    if (block.kind === 'heading') out.push({ heading: block.text, atoms: [] });
    else out[out.length - 1]!.atoms.push(...blockAtoms(block, document.language, max));
  }
  return out.filter((section) => section.atoms.length > 0);
}

function join(atoms: readonly Atom[]): string {
  return atoms.map((piece, i) => (i === 0 ? piece.text : piece.glue + piece.text)).join('').trim();
}

function total(atoms: readonly Atom[]): number {
  return atoms.reduce((sum, piece) => sum + piece.length, 0);
}

/** Greedy packing of one section's atoms into passages of at most `max` words; a short tail joins the one before. */
function pack(atoms: readonly Atom[], min: number, max: number): Atom[][] {
  const groups: Atom[][] = [];
  let current: Atom[] = [];
  let length = 0;
  for (const piece of atoms) {
    if (current.length && length + piece.length > max) {
      groups.push(current);
      current = [];
      length = 0;
    }
    current.push(piece);
    length += piece.length;
  }
  if (current.length) groups.push(current);
  const last = groups[groups.length - 1];
  const before = groups[groups.length - 2];
  if (last && before && total(last) < min && total(before) + total(last) <= max) {
    before.push(...last);
    groups.pop();
  }
  return groups;
}

/**
 * The passages of one article version, in reading order, indexed from 0. A body with no text gives none.
 *
 * @example
 * splitIntoPassages({ articleId: 'gift-cards', language: 'en', title: 'Gift cards', body: '...', questions: [] });
 */
export function splitIntoPassages(document: KnowledgeDocument, options: PassageOptions = {}): Passage[] {
  const min = options.minWords ?? 40;
  const max = options.maxWords ?? 150;
  const merged: Section[] = [];
  let carry: Section | undefined;
  for (const section of sections(document, max)) {
    const current: Section = carry
      ? { ...(carry.heading !== undefined ? { heading: carry.heading } : {}), atoms: [...carry.atoms, ...(section.heading ? [atom(section.heading, '\n\n')] : []), ...section.atoms] }
      : section;
    carry = undefined;
    if (total(current.atoms) < min) carry = current;
    else merged.push(current);
  }
  if (carry) {
    const previous = merged[merged.length - 1];
    const tail = [...(carry.heading ? [atom(carry.heading, '\n\n')] : []), ...carry.atoms];
    const lastGroup = previous ? pack(previous.atoms, min, max).pop() : undefined;
    if (previous && lastGroup && total(lastGroup) + total(tail) <= max) previous.atoms.push(...tail);
    else merged.push(carry);
  }
  const passages: Passage[] = [];
  for (const section of merged) {
    for (const group of pack(section.atoms, min, max)) {
      passages.push({
        articleId: document.articleId,
        language: document.language,
        index: passages.length,
        ...(section.heading !== undefined ? { heading: section.heading } : {}),
        text: join(group),
      });
    }
  }
  return passages;
}
