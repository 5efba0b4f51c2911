// What the digest tests share: a clock the test moves, a ledger wrapper that says when no
// database call is outstanding, an in-memory source, and cards written for the tests.
import type { BriefingCard } from "../../src/core/index.js";
import type { DigestCandidate, DigestLedger, DigestSource, Timers } from "../../src/digest/index.js";

interface Pending {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * Time moves only when the test says; timers fire in order, each after the work it started
 * settles. With `shuffleSeed`, timers due at the same instant fire in a seeded random order
 * (two replicas' timers: neither always goes first).
 */
export function createTestClock(start: number, idle: () => Promise<void>, shuffleSeed?: number) {
  let t = start;
  let rand = shuffleSeed ?? 0;
  const random = () => ((rand = (rand * 1103515245 + 12345) % 2147483648) / 2147483648);
  let seq = 0;
  const queue = new Map<number, Pending>();
  const timers: Timers = {
    setTimeout(fn, ms) {
      const id = ++seq;
      queue.set(id, { at: t + Math.max(0, ms), seq: id, fn });
      return id;
    },
    clearTimeout(h) {
      queue.delete(h as number);
    },
  };
  let fired = 0;
  async function advanceTo(target: number): Promise<void> {
    for (;;) {
      await idle();
      let first: number | undefined;
      for (const p of queue.values()) if (p.at <= target && (first === undefined || p.at < first)) first = p.at;
      if (first === undefined) break;
      t = Math.max(t, first);
      // Everything due at this instant fires before any of it settles: two replicas' timers race.
      const due = [...queue.entries()].filter(([, p]) => p.at === first).sort((x, y) => x[1].seq - y[1].seq);
      if (shuffleSeed !== undefined)
        for (let i = due.length - 1; i > 0; i--) {
          const j = Math.floor(random() * (i + 1));
          [due[i], due[j]] = [due[j] as (typeof due)[number], due[i] as (typeof due)[number]];
        }
      for (const [id, p] of due) {
        queue.delete(id);
        fired += 1;
        p.fn();
      }
    }
    t = Math.max(t, target);
    await idle();
  }
  return {
    now: () => t,
    timers,
    sleep: (ms: number) => new Promise<void>((r) => timers.setTimeout(r, ms)),
    advanceTo,
    advanceBy: (ms: number) => advanceTo(t + ms),
    /** Moves the clock without firing anything: the bot was down. */
    jumpTo: (ms: number) => {
      t = ms;
    },
    pendingTimers: () => queue.size,
    firedTimers: () => fired,
    /** Timers for one "process": after kill() its callbacks never run, as if it had died. */
    process() {
      let alive = true;
      const own: Timers = {
        setTimeout: (fn, ms) => timers.setTimeout(() => alive && fn(), ms),
        clearTimeout: (h) => timers.clearTimeout(h),
      };
      return {
        timers: own,
        sleep: (ms: number) => new Promise<void>((r) => own.setTimeout(r, ms)),
        kill: () => {
          alive = false;
        },
      };
    },
  };
}

type Wrap = <A extends unknown[], R>(f: (...a: A) => Promise<R>) => (...a: A) => Promise<R>;

/** The same ledger with every method passed through `wrap` (decorators for tests). */
export function mapLedger(ledger: DigestLedger, wrap: Wrap): DigestLedger {
  return {
    claim: wrap(ledger.claim.bind(ledger)),
    extend: wrap(ledger.extend.bind(ledger)),
    complete: wrap(ledger.complete.bind(ledger)),
    skip: wrap(ledger.skip.bind(ledger)),
    get: wrap(ledger.get.bind(ledger)),
    latestSlot: wrap(ledger.latestSlot.bind(ledger)),
    lastDelivered: wrap(ledger.lastDelivered.bind(ledger)),
    unfinished: wrap(ledger.unfinished.bind(ledger)),
    list: wrap(ledger.list.bind(ledger)),
  };
}

/** Counts outstanding ledger calls, so the test clock knows when real I/O (PostgreSQL) is done. */
export function trackLedger(inner: DigestLedger): { ledger: DigestLedger; idle: () => Promise<void> } {
  let outstanding = 0;
  const wrap: Wrap =
    (f) =>
    async (...a) => {
      outstanding += 1;
      try {
        return await f(...a);
      } finally {
        outstanding -= 1;
      }
    };
  const ledger = mapLedger(inner, wrap);
  const turn = () => new Promise<void>((r) => setImmediate(r));
  async function idle(): Promise<void> {
    // Quiet for a few event-loop turns in a row: every continuation has run or waits on a timer.
    for (let quiet = 0; quiet < 3; ) {
      await turn();
      quiet = outstanding === 0 ? quiet + 1 : 0;
    }
  }
  return { ledger, idle };
}

export function memorySource(items: DigestCandidate[]): DigestSource & { items: DigestCandidate[] } {
  return {
    items,
    async cardsSince(since, until, topics, limit) {
      return items
        .filter((c) => c.ingestedAt > since && c.ingestedAt <= until)
        .filter((c) => topics === "all" || c.card.topics.some((t) => topics.includes(t)))
        .sort((a, b) => b.ingestedAt - a.ingestedAt)
        .slice(0, limit);
    },
  };
}

/** A small card; `weight` adds attributed quotes so ranking can be checked. */
export function card(id: string, title: string, topics: string[], weight = 0): BriefingCard {
  return {
    schemaVersion: 1,
    id,
    title,
    titleGenerated: false,
    source: { publisher: "Test Wire" },
    summary: [`${title}.`, "A second bullet written for the test."],
    quotes: Array.from({ length: weight }, (_, i) => ({
      text: `Quote number ${i} about ${title}`,
      start: 0,
      end: 10,
      kind: "direct" as const,
      speaker: { name: "Mara Quill", role: "spokesperson" },
      confidence: 0.9,
      cue: "said",
    })),
    figures: [],
    entities: [],
    topics,
    stats: { words: 120, readingMinutes: 1, sentences: 6, paragraphs: 3 },
  };
}
