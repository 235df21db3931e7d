import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEvaluationQueries, readEvaluationQueries } from '../../../knowledge/import/evaluation-queries';
import { KnowledgeImportError } from '../../../knowledge/import/import-errors';

describe('parseEvaluationQueries', () => {
  it('reads one labelled question per line, skipping blank lines', () => {
    expect(parseEvaluationQueries('{"query":"Wo ist mein Paket?","article":"tracking","lang":"de"}\n\n{"query":"refund?","article":7}\n', 'q.jsonl')).toEqual([
      { query: 'Wo ist mein Paket?', article: 'tracking', lang: 'de' },
      { query: 'refund?', article: '7' },
    ]);
  });

  it('reports every bad line', () => {
    const error = (() => {
      try {
        parseEvaluationQueries('{"query":"ok","article":"a"}\nnot json\n{"query":"","article":"a"}\n{"query":"x","article":"a","lang":"klingon"}', 'q.jsonl');
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(KnowledgeImportError);
    expect((error as KnowledgeImportError).issues.map((issue) => issue.line)).toEqual([2, 3, 4]);
  });
});

describe('readEvaluationQueries', () => {
  it('reads a file or every .jsonl file of a folder, by name', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'kb-queries-'));
    try {
      writeFileSync(join(folder, 'b.jsonl'), '{"query":"b","article":"x"}\n');
      writeFileSync(join(folder, 'a.jsonl'), '{"query":"a","article":"x"}\n');
      writeFileSync(join(folder, 'notes.md'), 'ignored');
      expect((await readEvaluationQueries(folder)).map((q) => q.query)).toEqual(['a', 'b']);
      expect((await readEvaluationQueries(join(folder, 'b.jsonl'))).map((q) => q.query)).toEqual(['b']);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
