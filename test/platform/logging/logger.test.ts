import { Writable } from 'node:stream';
import { createLogger } from '../../../platform/logging';

/** A destination that keeps every written line. */
function collectLines(): { stream: Writable; records: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  return {
    stream,
    records: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim().length > 0)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe('createLogger', () => {
  describe('when given a destination stream', () => {
    it('writes one JSON line per call with level label, role and time', () => {
      const out = collectLines();
      const logger = createLogger({ level: 'info', role: 'worker', destination: out.stream });
      logger.info('started');
      logger.debug('below the level');
      const records = out.records();
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ level: 'info', role: 'worker', msg: 'started' });
      expect(typeof records[0]?.time).toBe('string');
    });
  });

  describe('when a message and fields carry personal data', () => {
    it('redacts the message and the fields', () => {
      const out = collectLines();
      const logger = createLogger({ level: 'info', destination: out.stream });
      logger.info({ text: '4111 1111 1111 1111', order: '#10234', nested: { phone: '+34 612 345 678' } }, 'contact me at jane@example.com');
      const [record] = out.records();
      expect(record).toMatchObject({
        msg: 'contact me at [email]',
        text: '[card]',
        order: '#10234',
        nested: { phone: '[phone]' },
      });
      const raw = JSON.stringify(out.records());
      expect(raw).not.toContain('jane@example.com');
      expect(raw).not.toContain('4111');
    });

    it('redacts an error passed as err', () => {
      const out = collectLines();
      const logger = createLogger({ level: 'info', destination: out.stream });
      logger.error({ err: new Error('lookup failed for jane@example.com') }, 'failed');
      const raw = JSON.stringify(out.records());
      expect(raw).toContain('[email]');
      expect(raw).not.toContain('jane@example.com');
    });
  });
});
