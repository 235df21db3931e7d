import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listSettings } from '../../config';
import { configReference, withReference } from '../../scripts/config-docs';
import { projectRoot } from '../../platform/paths';

describe('The configuration reference', () => {
  it('lists every setting with its environment variable', () => {
    const table = configReference();
    for (const setting of listSettings()) expect(table).toContain(`\`${setting.env}\``);
  });

  it('is up to date in the README', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    expect(withReference(readme)).toBe(readme);
  });
});
