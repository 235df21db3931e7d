import { DEFAULT_ORDER_NUMBER_PATTERNS } from '../../../nlu/entities';
import { compileOrderNumberPatterns, parseWorkspaceSettings, workspaceSettingsSchema } from '../../../platform/workspaces';

describe('workspace settings', () => {
  describe('validation', () => {
    it('accepts order-number patterns that compile', () => {
      expect(workspaceSettingsSchema.safeParse({ orderNumberPatterns: ['INV-\\d{6}', 'SO/(?<code>\\d{4}/\\d{4})'] }).success).toBe(true);
    });

    it('refuses a pattern that does not compile, naming the problem', () => {
      const result = workspaceSettingsSchema.safeParse({ orderNumberPatterns: ['INV-(\\d{6}'] });
      expect(result.success).toBe(false);
      expect(JSON.stringify(result.error?.issues)).toMatch(/not a valid regular expression/);
    });

    it('refuses a pattern that matches the empty string', () => {
      expect(workspaceSettingsSchema.safeParse({ orderNumberPatterns: ['\\d*'] }).success).toBe(false);
    });

    it('refuses unknown keys and over-long patterns', () => {
      expect(workspaceSettingsSchema.safeParse({ orderPatterns: [] }).success).toBe(false);
      expect(workspaceSettingsSchema.safeParse({ orderNumberPatterns: ['a'.repeat(201)] }).success).toBe(false);
    });
  });

  describe('parseWorkspaceSettings', () => {
    it('reads stored JSON and treats missing or unreadable settings as none', () => {
      expect(parseWorkspaceSettings('{"orderNumberPatterns":["INV-\\\\d{6}"]}')).toEqual({ orderNumberPatterns: ['INV-\\d{6}'] });
      expect(parseWorkspaceSettings(null)).toEqual({});
      expect(parseWorkspaceSettings('{not json')).toEqual({});
      expect(parseWorkspaceSettings('{"unknown":1}')).toEqual({});
    });
  });

  describe('compileOrderNumberPatterns', () => {
    it('gives undefined (the defaults) without own patterns', () => {
      expect(compileOrderNumberPatterns({}, DEFAULT_ORDER_NUMBER_PATTERNS)).toBeUndefined();
    });

    it('adds own patterns to the defaults unless told not to keep them', () => {
      const kept = compileOrderNumberPatterns({ orderNumberPatterns: ['INV-\\d{6}'] }, DEFAULT_ORDER_NUMBER_PATTERNS)!;
      expect(kept).toHaveLength(DEFAULT_ORDER_NUMBER_PATTERNS.length + 1);
      const own = compileOrderNumberPatterns({ orderNumberPatterns: ['INV-\\d{6}'], keepDefaultOrderNumberPatterns: false }, DEFAULT_ORDER_NUMBER_PATTERNS)!;
      expect(own).toHaveLength(1);
      expect(own[0]!.flags).toContain('g');
      expect(own[0]!.flags).toContain('i');
    });
  });
});
