import { canEdit, normaliseToken, storedToken, storeToken, TOKEN_KEY, type StorageLike } from '../../../web/admin/session';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value), removeItem: (key) => void data.delete(key) };
}

const blocked: StorageLike = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('SecurityError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('admin session', () => {
  it('stores and forgets the token', () => {
    const storage = memoryStorage();
    expect(storeToken(storage, 'abc')).toBe(true);
    expect(storage.data.get(TOKEN_KEY)).toBe('abc');
    expect(storedToken(storage)).toBe('abc');
    storeToken(storage, undefined);
    expect(storedToken(storage)).toBeUndefined();
  });

  it('keeps working when storage is blocked', () => {
    expect(storedToken(blocked)).toBeUndefined();
    expect(storeToken(blocked, 'abc')).toBe(false);
    expect(storeToken(undefined, 'abc')).toBe(false);
  });

  it('cleans a pasted token', () => {
    expect(normaliseToken('  Bearer abc123 \n')).toBe('abc123');
    expect(normaliseToken('abc 123')).toBeUndefined();
    expect(normaliseToken('   ')).toBeUndefined();
  });

  it('lets only admins edit', () => {
    expect(canEdit({ role: 'admin' })).toBe(true);
    expect(canEdit({ role: 'agent' })).toBe(false);
    expect(canEdit(undefined)).toBe(false);
  });
});
