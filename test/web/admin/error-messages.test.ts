import { ApiError } from '../../../web/admin/api-client';
import { conflictHeadline, explainError, isEditConflict } from '../../../web/admin/error-messages';

describe('error messages', () => {
  it('tells an agent why a change was refused', () => {
    const refused = new ApiError(403, 'forbidden', 'This needs the role admin.');
    expect(explainError(refused, 'agent').headline).toMatch(/agent role, which can read the knowledge base but not change it/);
    expect(explainError(refused, 'agent').detail).toBe('This needs the role admin.');
  });

  it('explains a conflict as someone else’s change, with their revision when known', () => {
    const conflict = new ApiError(409, 'conflict', 'The en version of "a" is at revision 4, not 3.', [], 4);
    expect(conflictHeadline(conflict)).toBe('Changed by someone else (it is now at revision 4) since you opened it. Nothing was overwritten: reload to see their version.');
    expect(isEditConflict(conflict)).toBe(true);
  });

  it('counts a translation someone else created first as an edit conflict', () => {
    expect(isEditConflict(new ApiError(409, 'conflict', 'The de version exists; send expectedRevision (now 1) to edit it.'))).toBe(true);
  });

  it('tells a taken article id from an edit conflict', () => {
    const taken = new ApiError(409, 'conflict', 'An article with the id "a" exists already.');
    expect(isEditConflict(taken)).toBe(false);
    expect(explainError(taken, 'admin').headline).toMatch(/already taken/);
  });

  it('asks to sign in again on 401 and reports server failures without blaming the editor', () => {
    expect(explainError(new ApiError(401, 'unauthorized', 'x'), 'admin').headline).toMatch(/Log in again/);
    expect(explainError(new ApiError(500, 'internal_error', 'x'), 'admin').headline).toMatch(/server failed/);
    expect(explainError(new Error('boom'), undefined)).toEqual({ headline: 'Something went wrong in the admin app.', detail: 'boom' });
  });
});
