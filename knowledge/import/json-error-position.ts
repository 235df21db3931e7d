/**
 * Where a JSON text first goes wrong, as a character offset. `JSON.parse` knows but does not always say: V8 reports
 * "Unexpected token ']', ... is not valid JSON" for a trailing comma with no position, and an import must name the
 * line. A strict recursive-descent scan of the JSON grammar (RFC 8259) finds it.
 */

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

class JsonSyntax extends Error {
  constructor(readonly offset: number) {
    super(`JSON syntax error at ${offset}`);
  }
}

/** The offset of the first syntax error in `text`, or `undefined` when it is valid JSON. */
export function jsonErrorOffset(text: string): number | undefined {
  let at = 0;
  const skip = () => {
    while (at < text.length && WHITESPACE.has(text[at]!)) at++;
  };
  const expect = (char: string) => {
    skip();
    if (text[at] !== char) throw new JsonSyntax(at);
    at++;
  };
  const token = (pattern: RegExp) => {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) throw new JsonSyntax(at);
    at += match[0].length;
  };
  /** A string: no raw control characters (below U+0020), only JSON's escapes. */
  const string = () => {
    at++;
    for (;;) {
      const code = text.charCodeAt(at);
      if (Number.isNaN(code) || code < 0x20) throw new JsonSyntax(at);
      if (code === 0x22) {
        at++;
        return;
      }
      if (code === 0x5c) token(ESCAPE);
      else at++;
    }
  };
  const value = (): void => {
    skip();
    const char = text[at];
    if (char === '{') {
      at++;
      skip();
      if (text[at] === '}') {
        at++;
        return;
      }
      for (;;) {
        skip();
        if (text[at] !== '"') throw new JsonSyntax(at);
        string();
        expect(':');
        value();
        skip();
        if (text[at] === ',') at++;
        else return expect('}');
      }
    }
    if (char === '[') {
      at++;
      skip();
      if (text[at] === ']') {
        at++;
        return;
      }
      for (;;) {
        value();
        skip();
        if (text[at] === ',') at++;
        else return expect(']');
      }
    }
    if (char === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, at)) {
        at += literal.length;
        return;
      }
    }
    token(NUMBER);
  };
  try {
    value();
    skip();
    return at < text.length ? at : undefined;
  } catch (error) {
    if (error instanceof JsonSyntax) return error.offset;
    throw error;
  }
}
