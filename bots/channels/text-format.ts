/**
 * Reply text is written in light Markdown (help-centre passages carry bold, lists and links). Channels differ in
 * what they show: CommonMark (Teams, the widget), WhatsApp's own `*bold*` / `_italic_`, or nothing. This converts
 * through marked's lexer (the library the knowledge base renders with) instead of regular expressions, so nested
 * emphasis, escaped characters and code spans come out right; and splits text that is longer than a channel's limit.
 */
import { marked, type Token, type Tokens } from 'marked';
import type { MarkdownDialect } from './channel-adapter';

/** Converts light Markdown to the channel's dialect. `markdown` returns the text unchanged. */
export function formatForDialect(text: string, dialect: MarkdownDialect): string {
  if (dialect === 'markdown') return text;
  const tokens = marked.lexer(text);
  return blocks(tokens, dialect).replace(/\n{3,}/g, '\n\n').trim();
}

function blocks(tokens: Token[], dialect: MarkdownDialect): string {
  const out: string[] = [];
  for (const token of tokens) {
    const rendered = block(token, dialect);
    if (rendered !== undefined) out.push(rendered);
  }
  return out.join('\n\n');
}

function block(token: Token, dialect: MarkdownDialect): string | undefined {
  switch (token.type) {
    case 'space':
      return undefined;
    case 'heading':
      return emphasise(inline((token as Tokens.Heading).tokens, dialect), '*', dialect);
    case 'paragraph':
      return inline((token as Tokens.Paragraph).tokens, dialect);
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens, dialect) : text.text;
    }
    case 'code':
      return dialect === 'whatsapp' ? '```' + (token as Tokens.Code).text + '```' : (token as Tokens.Code).text;
    case 'blockquote':
      return blocks((token as Tokens.Blockquote).tokens, dialect)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return list.items
        .map((item, index) => `${list.ordered ? `${start + index}.` : '•'} ${blocks(item.tokens, dialect).replace(/\n\n/g, '\n')}`)
        .join('\n');
    }
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]): string => cells.map((cell) => inline(cell.tokens, dialect)).join(' | ');
      return [row(table.header), ...table.rows.map(row)].join('\n');
    }
    case 'hr':
      return '———';
    case 'html':
      return stripTags((token as Tokens.HTML).text);
    default:
      return 'raw' in token ? String(token.raw) : undefined;
  }
}

function inline(tokens: Token[] | undefined, dialect: MarkdownDialect): string {
  if (!tokens) return '';
  return tokens.map((token) => span(token, dialect)).join('');
}

function span(token: Token, dialect: MarkdownDialect): string {
  switch (token.type) {
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens, dialect) : decodeEntities(text.text);
    }
    case 'escape':
      return (token as Tokens.Escape).text;
    case 'strong':
      return emphasise(inline((token as Tokens.Strong).tokens, dialect), '*', dialect);
    case 'em':
      return emphasise(inline((token as Tokens.Em).tokens, dialect), '_', dialect);
    case 'del':
      return emphasise(inline((token as Tokens.Del).tokens, dialect), '~', dialect);
    case 'codespan':
      return dialect === 'whatsapp' ? '```' + decodeEntities((token as Tokens.Codespan).text) + '```' : decodeEntities((token as Tokens.Codespan).text);
    case 'br':
      return '\n';
    case 'link': {
      const link = token as Tokens.Link;
      const label = inline(link.tokens, dialect);
      // A bare URL (autolink) is its own label; WhatsApp and plain text cannot hide a URL behind words.
      return label === link.href || label === link.href.replace(/^mailto:/, '') ? label : `${label} (${link.href})`;
    }
    case 'image': {
      const image = token as Tokens.Image;
      return image.text ? `${image.text} (${image.href})` : image.href;
    }
    case 'html':
      return stripTags((token as Tokens.HTML).text);
    default:
      return 'raw' in token ? String(token.raw) : '';
  }
}

function emphasise(text: string, marker: '*' | '_' | '~', dialect: MarkdownDialect): string {
  // WhatsApp needs the markers next to non-space characters: keep outer spaces outside.
  if (dialect !== 'whatsapp' || !text.trim()) return text;
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) as RegExpExecArray;
  return `${match[1]}${marker}${match[2]}${marker}${match[3]}`;
}

function stripTags(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ''));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_m, name: string) => ENTITIES[name] ?? _m);
}

/**
 * Splits text into pieces of at most `max` characters (UTF-16 code units, as the providers count), preferring
 * paragraph breaks, then line breaks, then sentence ends, then spaces; a piece without any is cut hard (never
 * inside a surrogate pair).
 */
export function splitText(text: string, max: number): string[] {
  if (max < 1) throw new RangeError('max must be at least 1');
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = lastBreak(window, /\n\s*\n/g, max);
    if (cut < max / 3) cut = Math.max(cut, lastBreak(window, /\n/g, max));
    if (cut < max / 3) cut = Math.max(cut, lastBreak(window, /[.!?](?=\s|$)|[。！？]/g, max, true));
    if (cut < max / 3) cut = Math.max(cut, lastBreak(window, /\s/g, max));
    if (cut <= 0) {
      cut = max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    pieces.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) pieces.push(rest);
  return pieces.filter((piece) => piece.length > 0);
}

/** End of the last match of `pattern` within `max` characters (after the match when `inclusive`). */
function lastBreak(window: string, pattern: RegExp, max: number, inclusive = false): number {
  let best = -1;
  for (const match of window.matchAll(pattern)) {
    const at = inclusive ? match.index + match[0].length : match.index;
    if (at <= max && at > 0) best = at;
  }
  return best;
}
