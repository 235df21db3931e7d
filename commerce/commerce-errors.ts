/** Errors of the commerce module. Each message says what to change. */

/** Input to a commerce operation is invalid (an address without a city, an empty actor, ...). */
export class CommerceInputError extends Error {
  override readonly name = 'CommerceInputError';
}

/** An order's status kept changing under a requested change (other writers); asking again normally succeeds. */
export class OrderChangeConflictError extends Error {
  override readonly name = 'OrderChangeConflictError';
}

/** One problem of an import: where (section, row, field) and what is wrong. */
export interface ImportIssue {
  /** `document` for the input as a whole (not JSON, unknown keys), else the kind of record. */
  section: 'document' | 'products' | 'orders';
  /**
   * CSV: the file row (line) where the record starts, the header being row 1. JSON: the 1-based position in the
   * `products` or `orders` array. 0 when the problem is not in one row.
   */
  row: number;
  /** CSV column or JSON field path (`items.1.quantity`); empty when the problem is the whole row or file. */
  field: string;
  message: string;
}

/** An import was refused: nothing was written. `issues` lists the problems (the first 200 of them). */
export class CatalogImportError extends Error {
  override readonly name = 'CatalogImportError';
  constructor(
    readonly issues: ImportIssue[],
    /** How many problems there were in all; `issues` may hold fewer. */
    readonly issueCount: number = issues.length,
  ) {
    const first = issues[0];
    const where = first ? `${first.section}${first.row ? ` row ${first.row}` : ''}${first.field ? `, ${first.field}` : ''}` : '';
    super(
      `The import has ${issueCount} problem${issueCount === 1 ? '' : 's'}; nothing was imported. Fix them and import again.` +
        (first ? ` First: ${where}: ${first.message}` : ''),
    );
  }
}
