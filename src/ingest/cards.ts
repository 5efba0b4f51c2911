// Builds cards for ingestion: in this thread, or on a pool of worker threads so that bulk runs use
// every core (a card takes milliseconds of CPU; the store write takes far less).
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { buildCard, CardError, type Article, type BriefingCard, type CardErrorCode } from "../core/index.js";

export interface CardBuilder {
  build(article: Article): Promise<BriefingCard>;
  close(): Promise<void>;
}

export const inlineCards = (): CardBuilder => ({
  build: async (article) => buildCard(article),
  close: async () => undefined,
});

/** What a worker sends back. */
export type WorkerReply = { id: number; card: BriefingCard } | { id: number; error: { code?: CardErrorCode; message: string } };

export const defaultWorkers = (): number => Math.max(1, Math.min(8, availableParallelism()));

const COMPILED_WORKER = join(__dirname, "card-worker.js");

/** The compiled worker exists only in dist/ (running from TypeScript sources, build inline). */
export const cardWorkerAvailable = (): boolean => existsSync(COMPILED_WORKER);

/**
 * `size` worker threads running card-worker.js (compiled, beside this file). Jobs go to the
 * least busy worker; a CardError in a worker comes back as a CardError with its code.
 */
export function createCardPool(size: number = defaultWorkers(), workerFile = COMPILED_WORKER): CardBuilder {
  type Job = { resolve: (c: BriefingCard) => void; reject: (e: Error) => void };
  const workers = Array.from({ length: Math.max(1, size) }, () => ({ worker: new Worker(workerFile), jobs: new Map<number, Job>() }));
  let next = 0;
  for (const w of workers) {
    w.worker.on("message", (reply: WorkerReply) => {
      const job = w.jobs.get(reply.id);
      if (!job) return;
      w.jobs.delete(reply.id);
      if ("card" in reply) job.resolve(reply.card);
      else job.reject(reply.error.code ? new CardError(reply.error.code, reply.error.message) : new Error(reply.error.message));
    });
    // A worker that dies fails its jobs instead of leaving them waiting.
    w.worker.on("error", (err) => {
      for (const job of w.jobs.values()) job.reject(err);
      w.jobs.clear();
    });
  }
  return {
    build(article) {
      const w = workers.reduce((a, b) => (b.jobs.size < a.jobs.size ? b : a));
      const id = next++;
      return new Promise((resolve, reject) => {
        w.jobs.set(id, { resolve, reject });
        w.worker.postMessage({ id, article });
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.worker.terminate()));
    },
  };
}
