// The load loop for bench/slack.ts, in a worker thread so its own work does not sit in the bot's event
// loop: signed /brief requests sent open-loop (on schedule, whatever the replies do).
import { createHmac } from "node:crypto";
import { parentPort, workerData } from "node:worker_threads";

export interface LoadJob {
  url: string;
  secret: string;
  rate: number;
  requests: number;
  maxSeconds: number;
  topics: string[];
}

export interface LoadResult {
  sent: number;
  latencies: number[];
  errors: number;
  seconds: number;
}

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const send = async (i: number) => {
    const text = job.topics[(i * 7) % job.topics.length] ?? "";
    const body = new URLSearchParams({ command: "/brief", text, team_id: "T1", channel_id: "C1", user_id: "U1", response_url: "http://127.0.0.1:9/none", trigger_id: "t" }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac("sha256", job.secret).update(`v0:${ts}:${body}`).digest("hex")}`;
    const started = performance.now();
    try {
      const res = await fetch(job.url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(ts), "x-slack-signature": signature }, body });
      const json = (await res.json()) as { response_type?: string };
      if (res.status === 200 && json.response_type === "ephemeral") latencies.push(performance.now() - started);
      else errors++;
    } catch {
      errors++;
    }
  };
  const interval = 1000 / job.rate;
  const started = performance.now();
  const deadline = started + job.maxSeconds * 1000;
  const inflight: Promise<void>[] = [];
  let sent = 0;
  for (; sent < job.requests; sent++) {
    const due = started + sent * interval;
    if (due > deadline) break;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    inflight.push(send(sent));
  }
  await Promise.all(inflight);
  return { sent, latencies, errors, seconds: (performance.now() - started) / 1000 };
}

if (parentPort) {
  const port = parentPort;
  runLoad(workerData as LoadJob).then((r) => port.postMessage(r));
}
