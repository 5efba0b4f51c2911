// The digest runner: catch-up on start, then a timer to the next slot; each due slot goes
// through deliverSlot. Time and timers come in, so tests drive it with a clock of their own.
import { randomUUID } from "node:crypto";
import { DIGEST_DEFAULTS, type DigestDestination } from "./config.js";
import { deliverSlot, planDigest, RETRY_DEFAULTS, type DeliverDeps, type DigestPlan, type RetryOptions, type SlotOutcome } from "./deliver.js";
import { createLimiter, PLATFORM_LIMITS, type RateRule } from "./limiter.js";
import { compileSchedule, nextSlot, slotsBetween, type Schedule } from "./slots.js";
import type { DigestLedger, DigestPlatform, DigestSender, DigestSource } from "./types.js";
import { fromLocal, toLocal } from "./zone.js";

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface DigestRunnerOptions {
  destinations: readonly DigestDestination[];
  ledger: DigestLedger;
  source: DigestSource;
  senders: readonly DigestSender[];
  now: () => number;
  timers?: Timers;
  /** This replica's name in the ledger. Stable across restarts lets a restart retake its own slots at once. */
  owner?: string;
  catchUpWindowMs?: number;
  leaseMs?: number;
  lateAfterMs?: number;
  /** A destination down longer than this has older slots neither sent nor recorded. */
  maxLookbackMs?: number;
  firstDigestLookbackMs?: number;
  scanLimit?: number;
  /** Longest single timer; the runner wakes at least this often to re-read the clock. */
  maxTimerMs?: number;
  retry?: Partial<RetryOptions>;
  limits?: Readonly<Record<DigestPlatform, readonly RateRule[]>>;
  /** Every slot's outcome, for logs. */
  onOutcome?: (destinationId: string, slot: number, outcome: SlotOutcome) => void;
  /** A slot could not be recorded (ledger down); it is tried again after `errorRetryMs`. */
  onError?: (err: unknown, destinationId: string, slot: number) => void;
  errorRetryMs?: number;
  prepareConcurrency?: number;
}

export const RUNNER_DEFAULTS = {
  catchUpWindowMs: DIGEST_DEFAULTS.catchUpWindowMs,
  leaseMs: DIGEST_DEFAULTS.leaseMs,
  lateAfterMs: 60_000,
  maxLookbackMs: 7 * 86_400_000,
  firstDigestLookbackMs: 86_400_000,
  scanLimit: 500,
  maxTimerMs: 3_600_000,
  errorRetryMs: 30_000,
  /** Slots preparing (ledger claim, content) at once; the rest wait their turn, in order. */
  prepareConcurrency: 16,
} as const;

export interface DigestRunner {
  /** Reads where each destination stopped, launches missed slots (catch-up: late or skipped), arms the timer. */
  start(): Promise<void>;
  /** Stops the timer and waits for digests being sent. */
  stop(): Promise<void>;
  /** Sends every slot due by now; resolves with the outcomes once they are written. */
  runDue(): Promise<Map<string, SlotOutcome>>;
  /** Resolves when no digest is being sent. */
  settled(): Promise<void>;
  /** What `destinationId` would get now, sent nothing, recorded nothing. */
  preview(destinationId: string): Promise<DigestPlan>;
  /** Sends now as a slot of its own (recorded like a scheduled one). */
  sendNow(destinationId: string): Promise<SlotOutcome>;
  /**
   * Replaces the destinations while running (settings changed from chat): a removed one's slot being
   * sent finishes and its retries are dropped; an edited one resumes from now, and a daily (`time`)
   * destination that already had today's slot waits for tomorrow, so an edit never resends the day's digest.
   */
  update(destinations: readonly DigestDestination[]): Promise<void>;
  /** The next slot the runner will send for `destinationId` (undefined: unknown id or none ahead). */
  next(destinationId: string): number | undefined;
}

/**
 * Spreads the work: oldest slot first, then in the order the rate limits could let each digest
 * go (the k-th digest on a 1-per-second channel no sooner than k seconds in), so every queue
 * that bounds the total starts at once instead of waiting behind another platform's work.
 */
function spread<T extends { dest: Dest; slot: number }>(due: T[], limits: Readonly<Record<DigestPlatform, readonly RateRule[]>>): T[] {
  const counts = new Map<string, number>();
  const ranked = due.map((x) => {
    let earliest = 0;
    for (const rule of limits[x.dest.d.platform]) {
      const key = `${x.slot}|${x.dest.d.platform}|${rule.scope === "global" ? "" : x.dest.d.channel}`;
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      earliest = Math.max(earliest, Math.floor(n / rule.limit) * rule.perMs);
    }
    return { x, earliest };
  });
  ranked.sort((a, b) => a.x.slot - b.x.slot || a.earliest - b.earliest);
  return ranked.map((r) => r.x);
}

interface Dest {
  d: DigestDestination;
  schedule: Schedule;
  /** Slots up to here are handled or queued. */
  cursor: number;
  /** The first slot after the cursor (cached: computing it walks local dates). */
  next: number | undefined;
  /** Same key, same slots: schedule, zone and quiet days. */
  key: string;
}

/** At most `n` pieces of work at once, started in the order they asked. */
function createGate(n: number): DeliverDeps["gate"] {
  let running = 0;
  const queue: Array<() => void> = [];
  return async (work) => {
    if (running >= n) await new Promise<void>((r) => queue.push(r));
    running += 1;
    try {
      return await work();
    } finally {
      running -= 1;
      queue.shift()?.();
    }
  };
}

export function createDigestRunner(options: DigestRunnerOptions): DigestRunner {
  const o = { ...RUNNER_DEFAULTS, ...options };
  const timers = options.timers ?? realTimers;
  const limits = o.limits ?? PLATFORM_LIMITS;
  const sleep = (ms: number) => new Promise<void>((resolve) => timers.setTimeout(resolve, ms));
  const deps: DeliverDeps = {
    ledger: o.ledger,
    source: o.source,
    senders: new Map(o.senders.map((s) => [s.platform, s])),
    limiter: createLimiter({ now: o.now, sleep, limits }),
    now: o.now,
    sleep,
    setTimer: (fn, ms) => {
      const h = timers.setTimeout(fn, ms);
      return () => timers.clearTimeout(h);
    },
    owner: o.owner ?? `briefbot-${randomUUID()}`,
    leaseMs: o.leaseMs,
    catchUpWindowMs: o.catchUpWindowMs,
    lateAfterMs: o.lateAfterMs,
    firstDigestLookbackMs: o.firstDigestLookbackMs,
    scanLimit: o.scanLimit,
    retry: { ...RETRY_DEFAULTS, ...options.retry },
    gate: createGate(o.prepareConcurrency),
  };
  const makeDest = (d: DigestDestination, cursor: number): Dest => ({
    d, schedule: compileSchedule(d), cursor, next: undefined, key: `${d.cron ?? d.time}|${d.timezone}|${d.quietDays.join()}`,
  });
  const dests = new Map<string, Dest>(o.destinations.map((d) => [d.id, makeDest(d, o.now())]));
  /** Slots another replica holds: tried again when its lease ends. */
  const waiting = new Map<string, { dest: Dest; slot: number; at: number }>();
  const inFlight = new Map<string, Promise<SlotOutcome>>();
  let timer: unknown;
  let stopped = true;
  let updating = Promise.resolve();

  const keyOf = (id: string, slot: number) => `${id}@${slot}`;
  const get = (id: string) => {
    const d = dests.get(id);
    if (!d) throw new RangeError(`no digest destination "${id}"`);
    return d;
  };

  function launch(dest: Dest, slot: number): Promise<SlotOutcome> {
    const key = keyOf(dest.d.id, slot);
    const running = inFlight.get(key);
    if (running) return running;
    const p = deliverSlot(deps, dest.d, slot).then(
      (outcome) => {
        if (outcome.kind === "busy") waiting.set(key, { dest, slot, at: outcome.leaseUntil });
        else waiting.delete(key);
        o.onOutcome?.(dest.d.id, slot, outcome);
        return outcome;
      },
      (err: unknown) => {
        // The ledger failed (database down): nothing was recorded, so try the slot again later.
        waiting.set(key, { dest, slot, at: o.now() + o.errorRetryMs });
        o.onError?.(err, dest.d.id, slot);
        throw err;
      },
    );
    inFlight.set(key, p);
    void p.finally(() => inFlight.delete(key)).catch(() => undefined);
    return p;
  }

  /** Launches every slot due by now (and retries whose time came); synchronous, so never run twice at once. */
  function scan(): Map<string, Promise<SlotOutcome>> {
    const now = o.now();
    const launched = new Map<string, Promise<SlotOutcome>>();
    const due: Array<{ dest: Dest; slot: number }> = [];
    const walked = new Map<string, number[]>();
    for (const dest of dests.values()) {
      if (now <= dest.cursor) continue;
      // Nothing is due before the cached next slot, and the next slot stays until the cursor passes it.
      if (dest.next !== undefined && now < dest.next) {
        dest.cursor = now;
        continue;
      }
      // Destinations sharing a schedule share the walk over local dates.
      const key = `${dest.key}|${dest.cursor}`;
      const slots = walked.get(key) ?? slotsBetween(dest.schedule, dest.cursor, now);
      walked.set(key, slots);
      for (const slot of slots) due.push({ dest, slot });
      moveCursor(dest, now);
    }
    for (const { dest, slot } of spread(due, limits)) launched.set(keyOf(dest.d.id, slot), launch(dest, slot));
    for (const [key, w] of waiting) if (w.at <= now && !launched.has(key)) launched.set(key, launch(w.dest, w.slot));
    return launched;
  }

  // Destinations sharing a schedule share the walk to their next slot (1,000 at 07:00 London).
  const nextMemo = new Map<string, number | undefined>();
  function moveCursor(dest: Dest, to: number): void {
    dest.cursor = to;
    const key = `${dest.key}|${to}`;
    if (!nextMemo.has(key)) {
      if (nextMemo.size > 1000) nextMemo.clear();
      nextMemo.set(key, nextSlot(dest.schedule, to));
    }
    dest.next = nextMemo.get(key);
  }

  function arm(): void {
    if (stopped) return;
    const now = o.now();
    let next = now + o.maxTimerMs;
    for (const dest of dests.values()) next = Math.min(next, dest.next ?? next);
    for (const w of waiting.values()) next = Math.min(next, w.at);
    timers.clearTimeout(timer);
    timer = timers.setTimeout(tick, Math.max(0, next - now));
  }

  function tick(): void {
    const launched = scan();
    arm();
    // A "busy" answer or a ledger error adds a retry time: re-arm for it.
    for (const p of launched.values()) void p.then((r) => r.kind === "busy" && arm(), arm);
  }

  return {
    async start() {
      const now = o.now();
      await Promise.all(
        [...dests.values()].map(async (dest) => {
          const [latest, unfinished] = await Promise.all([o.ledger.latestSlot(dest.d.id), o.ledger.unfinished(dest.d.id)]);
          // A destination with no history has missed nothing; otherwise resume after its last slot.
          moveCursor(dest, latest === undefined ? now : Math.max(latest, now - o.maxLookbackMs));
          for (const r of unfinished) waiting.set(keyOf(dest.d.id, r.slot), { dest, slot: r.slot, at: 0 });
        }),
      );
      stopped = false;
      tick();
    },
    async stop() {
      stopped = true;
      timers.clearTimeout(timer);
      await this.settled();
    },
    async runDue() {
      const out = new Map<string, SlotOutcome>();
      for (const [key, p] of scan()) out.set(key, await p);
      return out;
    },
    async settled() {
      while (inFlight.size) await Promise.allSettled([...inFlight.values()]);
    },
    async preview(id) {
      return planDigest(deps, get(id).d, o.now());
    },
    async sendNow(id) {
      return launch(get(id), o.now());
    },
    update(destinations) {
      updating = updating.then(() => update(destinations));
      return updating;
    },
    next(id) {
      const dest = dests.get(id);
      if (!dest) return undefined;
      if (dest.next === undefined || dest.next <= dest.cursor) moveCursor(dest, Math.max(dest.cursor, o.now()));
      return dest.next;
    },
  };

  async function update(destinations: readonly DigestDestination[]): Promise<void> {
    const now = o.now();
    const wanted = new Map(destinations.map((d) => [d.id, d]));
    for (const id of dests.keys()) if (!wanted.has(id)) dests.delete(id);
    // Not yet started: cancelled. Already sending: left to finish (inFlight), never both.
    for (const [key, w] of waiting) if (!wanted.has(w.dest.d.id)) waiting.delete(key);
    for (const d of destinations) {
      const old = dests.get(d.id);
      if (old && JSON.stringify(old.d) === JSON.stringify(d)) continue;
      let cursor = Math.max(now, old?.cursor ?? now);
      if (d.time !== undefined) {
        const latest = await o.ledger.latestSlot(d.id);
        if (latest !== undefined) cursor = Math.max(cursor, dayEnd(latest, now, d.timezone));
      }
      const dest = makeDest(d, cursor);
      moveCursor(dest, cursor);
      dests.set(d.id, dest);
      for (const w of waiting.values()) if (w.dest.d.id === d.id) w.dest = dest;
    }
    arm();
  }
}

/** The end of `slot`'s local day when that day is also `now`'s (else `now`): one daily digest a day. */
function dayEnd(slot: number, now: number, zone: string): number {
  const a = toLocal(slot, zone), b = toLocal(now, zone);
  if (a.year !== b.year || a.month !== b.month || a.day !== b.day) return now;
  return fromLocal({ year: a.year, month: a.month, day: a.day + 1, hour: 0, minute: 0, second: 0 }, zone) - 1;
}
