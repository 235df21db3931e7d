/**
 * Disposable ("throw-away") e-mail domains. The shipped list is risk/data/disposable-email-domains.txt: the
 * community list github.com/disposable-email-domains/disposable-email-domains, CC0 1.0, as packaged in the npm
 * package disposable-email-domains-js 1.26.0 (the file's header says how to refresh it). A sub-domain of a listed
 * domain counts as disposable too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../platform/paths';

/** Path of the shipped list. */
export const DISPOSABLE_DOMAINS_FILE = join(projectRoot, 'risk', 'data', 'disposable-email-domains.txt');

/** A set of disposable e-mail domains. */
export class DisposableEmailDomains {
  private readonly domains: ReadonlySet<string>;

  constructor(domains: Iterable<string>) {
    this.domains = new Set([...domains].map((d) => d.trim().toLowerCase()).filter(Boolean));
  }

  /** The list in a file: one domain a line, `#` comments. */
  static readFile(path = DISPOSABLE_DOMAINS_FILE): DisposableEmailDomains {
    const lines = readFileSync(path, 'utf8').split(/\r?\n/);
    return new DisposableEmailDomains(lines.filter((l) => l && !l.startsWith('#')));
  }

  /** Number of domains. */
  get size(): number {
    return this.domains.size;
  }

  /** Whether the domain of `email` (or `email` itself, when it has no `@`) or one of its parents is listed. */
  isDisposable(email: string): boolean {
    let domain = email.slice(email.lastIndexOf('@') + 1).trim().toLowerCase().replace(/\.$/, '');
    while (domain.includes('.')) {
      if (this.domains.has(domain)) return true;
      domain = domain.slice(domain.indexOf('.') + 1);
    }
    return false;
  }
}
