import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// Runs in the worker, as CommonJS (an `eval` worker): it needs no file of its own, so the
// same code works from the sources (tests) and from the build. The driver's path comes from
// the main thread, since an eval worker resolves modules from the working directory.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const written = new Int32Array(workerData.written);
const db = new Database(workerData.filename);
db.pragma("busy_timeout = 5000");
let ticks = 0;
const checkpoint = () => {
  // Every hundredth tick regardless: writes outside the group commit (an admin's menu, a
  // seed) do not raise the flag. A checkpoint with nothing to copy costs next to nothing.
  if (Atomics.exchange(written, 0, 0) === 0 && ++ticks % 100 !== 0) return;
  try { db.pragma("wal_checkpoint(PASSIVE)"); } catch {}
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on("message", () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.close();
});
`;

/** A checkpointer for one SQLite file, and how to tell it about writes and stop it. */
export interface Checkpointer {
  /** Say a transaction committed; the WAL is checkpointed shortly after, off this thread. */
  written(): void;
  close(): Promise<void>;
}

/**
 * Checkpoints a WAL database from a worker thread, on a connection of its own.
 *
 * Why: a checkpoint copies the WAL back into the database file and syncs it. Left to SQLite's
 * automatic checkpoint, that runs inside whichever commit crosses the threshold, on the
 * server's only thread: every few hundred orders one of them waited tens of milliseconds, and
 * every answer queued behind it. PASSIVE checkpoints never block the writer, so orders go on
 * while the worker copies. Commits are signalled through shared memory, not messages: a
 * message per commit cost more than the flag it carries.
 */
export function startCheckpointer(
  filename: string,
  /** Called once if the worker fails (it could not open the file, say): checkpoint otherwise. */
  onFailure: (error: unknown) => void,
  everyMs = 50,
): Checkpointer {
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const written = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { filename, driver, everyMs, written: written.buffer },
  });
  // Its timer must not keep a process alive that is otherwise done.
  worker.unref();
  // A worker's uncaught error is an "error" event, which would take the server down with it.
  let failed = false;
  worker.on("error", (error) => {
    failed = true;
    onFailure(error);
  });
  return {
    written: () => Atomics.store(written, 0, 1),
    close: () =>
      new Promise((resolve) => {
        if (failed) return resolve();
        worker.once("exit", () => resolve());
        worker.postMessage("close");
      }),
  };
}
