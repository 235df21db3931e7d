/**
 * Moves SQLite's WAL checkpoints off the thread that serves requests. With automatic checkpoints, every ~10,000
 * pages one commit also copies the WAL into the database file and syncs it: measured 10 such commits of ~23 ms
 * each in 8 s of chat load, 40 % of all commit time and the event loop's longest stalls. Here the main connection
 * never checkpoints; a worker thread with its own connection runs passive checkpoints (which never block writers)
 * twice a second.
 */
import { Worker } from 'node:worker_threads';

// The thread's code is inline so it runs the same from TypeScript sources (tests) and from dist/.
const CHECKPOINTER = `
const { workerData, parentPort } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const checkpoint = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy: next round */ } };
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); checkpoint(); db.close(); parentPort.postMessage('closed'); });
`;

/** A running checkpointer. */
export interface SqliteCheckpointer {
  /** Runs a last checkpoint and stops the thread. */
  close(): Promise<void>;
}

/** Starts checkpointing the SQLite file at `path` every `intervalMs` on a worker thread. */
export function startSqliteCheckpointer(path: string, intervalMs = 500): SqliteCheckpointer {
  const worker = new Worker(CHECKPOINTER, {
    eval: true,
    workerData: { path, intervalMs, driver: require.resolve('better-sqlite3') },
  });
  worker.unref();
  return {
    close: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          void worker.terminate().then(() => resolve());
        };
        worker.once('message', done);
        worker.once('error', done);
        worker.postMessage('close');
        setTimeout(done, 5000).unref();
      }),
  };
}
