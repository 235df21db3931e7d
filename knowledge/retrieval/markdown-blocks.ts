/**
 * Markdown -> a flat list of plain-text blocks (headings, paragraphs, list items, table rows) that passages are cut
 * from. Parsing is marked's (GitHub-flavoured, the renderer the admin preview uses), so what is searched and quoted is
 * what the admin sees. Formatting marks, link targets and HTML tags go; the words stay.
 *
 * Table rows become "Header: cell; Header: cell" lines: a row quoted alone still says what each number is
 * ("Size: M; Chest: 94; Waist: 78"), and a table can be cut between rows.
 */
import { Lexer, type Token, type Tokens } from 'marked';

/** One block of an article body, as plain text. */
export type MarkdownBlock =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; text: string }
  /** One line per item; nested items are indented by two spaces per level. */
  | { kind: 'list'; items: string[] }
  /** One line per body row. */
  | { kind: 'table'; rows: string[] }
  | { kind: 'code'; text: string };

const HTML_TAG = /<\/?[a-z][^>]*>/gi;
const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#') && /^#\d+$/.test(lower)) return String.fromCodePoint(Number(lower.slice(1)));
    return ENTITIES[lower] ?? whole;
  });
}

/** Inline tokens -> their visible text. */
function inlineText(tokens: readonly Token[] | undefined, fallback = ''): string {
  if (!tokens) return decodeEntities(fallback);
  let out = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'br':
        out += '\n';
        break;
      case 'html':
        out += (token as Tokens.HTML).text.replace(HTML_TAG, '');
        break;
      case 'image':
        out += (token as Tokens.Image).text;
        break;
      case 'codespan':
      case 'escape':
        out += decodeEntities((token as Tokens.Codespan).text);
        break;
      default: {
        const nested = (token as Tokens.Generic).tokens;
        out += nested ? inlineText(nested) : decodeEntities(String((token as Tokens.Generic).text ?? ''));
      }
    }
  }
  return out;
}

function clean(text: string): string {
  return text.replace(/[ \t]+/g, ' ').replace(/ *\n */g, '\n').trim();
}

function listLines(list: Tokens.List, depth: number, lines: string[]): void {
  let number = typeof list.start === 'number' ? list.start : 1;
  for (const item of list.items) {
    const marker = list.ordered ? `${number++}.` : '-';
    const own: string[] = [];
    const nested: Tokens.List[] = [];
    for (const token of item.tokens) {
      if (token.type === 'list') nested.push(token as Tokens.List);
      else if (token.type !== 'space') own.push(clean(inlineText((token as Tokens.Generic).tokens, String((token as Tokens.Generic).text ?? ''))));
    }
    const text = own.filter(Boolean).join(' ').replace(/\n/g, ' ');
    if (text) lines.push(`${'  '.repeat(depth)}${marker} ${text}`);
    for (const sub of nested) listLines(sub, depth + 1, lines);
  }
}

function tableRows(table: Tokens.Table): string[] {
  const header = table.header.map((cell) => clean(inlineText(cell.tokens, cell.text)));
  const named = header.some(Boolean);
  return table.rows
    .map((row) => {
      const cells = row.map((cell) => clean(inlineText(cell.tokens, cell.text)));
      if (!named) return cells.filter(Boolean).join(' | ');
      return cells
        .map((cell, i) => (cell ? (header[i] ? `${header[i]}: ${cell}` : cell) : ''))
        .filter(Boolean)
        .join('; ');
    })
    .filter(Boolean);
}

function collect(tokens: readonly Token[], blocks: MarkdownBlock[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const text = clean(inlineText((token as Tokens.Heading).tokens, (token as Tokens.Heading).text)).replace(/\n/g, ' ');
        if (text) blocks.push({ kind: 'heading', depth: (token as Tokens.Heading).depth, text });
        break;
      }
      case 'paragraph':
      case 'text': {
        const text = clean(inlineText((token as Tokens.Paragraph).tokens, (token as Tokens.Paragraph).text));
        if (text) blocks.push({ kind: 'paragraph', text });
        break;
      }
      case 'html': {
        const text = clean(decodeEntities((token as Tokens.HTML).text.replace(HTML_TAG, ' ')));
        if (text) blocks.push({ kind: 'paragraph', text });
        break;
      }
      case 'list': {
        const items: string[] = [];
        listLines(token as Tokens.List, 0, items);
        if (items.length) blocks.push({ kind: 'list', items });
        break;
      }
      case 'table': {
        const rows = tableRows(token as Tokens.Table);
        if (rows.length) blocks.push({ kind: 'table', rows });
        break;
      }
      case 'code': {
        const text = (token as Tokens.Code).text.trim();
        if (text) blocks.push({ kind: 'code', text });
        break;
      }
      case 'blockquote':
        collect((token as Tokens.Blockquote).tokens, blocks);
        break;
      default:
        // space, hr and link definitions carry no text.
        break;
    }
  }
}

/** The blocks of a Markdown text, in reading order. */
export function markdownBlocks(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  collect(Lexer.lex(markdown, { gfm: true }), blocks);
  return blocks;
}
