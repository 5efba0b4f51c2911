// Worker thread of the card pool (cards.ts): article in, card or CardError out.
import { parentPort } from "node:worker_threads";
import { buildCard, CardError, type Article } from "../core/index.js";
import type { WorkerReply } from "./cards.js";

parentPort?.on("message", ({ id, article }: { id: number; article: Article }) => {
  let reply: WorkerReply;
  try {
    reply = { id, card: buildCard(article) };
  } catch (err) {
    reply = { id, error: err instanceof CardError ? { code: err.code, message: err.message } : { message: (err as Error).message } };
  }
  parentPort!.postMessage(reply);
});
