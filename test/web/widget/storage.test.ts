import { openStorage, readItem, storageKeys, writeItem, type StorageLike } from '../../../web/widget/storage';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const throwing: StorageLike = {
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

describe('storage helpers', () => {
  it('opens a working storage and leaves no probe key behind', () => {
    const storage = memoryStorage();
    expect(openStorage(() => storage)).toBe(storage);
    expect(storage.data.size).toBe(0);
  });

  it('treats storage that throws on access as missing', () => {
    expect(
      openStorage(() => {
        throw new Error('SecurityError');
      }),
    ).toBeUndefined();
    expect(openStorage(() => throwing)).toBeUndefined();
    expect(openStorage(() => null)).toBeUndefined();
  });

  it('reads and writes through failures without throwing', () => {
    expect(readItem(throwing, 'k')).toBeUndefined();
    expect(writeItem(throwing, 'k', 'v')).toBe(false);
    expect(writeItem(undefined, 'k', 'v')).toBe(false);
  });

  it('removes a key when writing undefined', () => {
    const storage = memoryStorage();
    writeItem(storage, 'k', 'v');
    expect(readItem(storage, 'k')).toBe('v');
    writeItem(storage, 'k', undefined);
    expect(readItem(storage, 'k')).toBeUndefined();
  });

  it('namespaces keys per workspace', () => {
    expect(storageKeys.session('demo')).toBe('pgdesk:demo:session');
    expect(storageKeys.outbox('demo')).not.toBe(storageKeys.outbox('other'));
  });
});
