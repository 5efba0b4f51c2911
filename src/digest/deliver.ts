// One (destination, slot): claim it in the ledger, choose the cards, send within the limits,
// retry what can be retried, and write the outcome. The runner calls this for every due slot.
import type { BriefingCard, StorySummary } from "../core/index.js";
import type { DigestDestination } from "./config.js";
import { selectForDigest } from "./content.js";
import { PermanentSendError, RateLimitedError, TransientSendError } from "./errors.js";
import type { Limiter } from "./limiter.js";
import type { DigestContext, DigestLedger, DigestSender, DigestSource, SentMessage, SlotClaim, SlotStatus } from "./types.js";
import { formatLocal } from "./zone.js";

export const RETRY_DEFAULTS = {
  /** Sends tried for 5xx and other transient errors, the first included. */
  maxAttempts: 5,
  backoffBaseMs: 1000,
  backoffMaxMs: 30_000,
  /** A channel's own 429s honoured for one slot before it is recorded failed (global 429s end at the window). */
  maxRateLimited: 10,
  /** A Retry-After longer than this is not waited for: the slot fails with the reason. */
  maxRetryAfterMs: 600_000,
  /**
   * A post with no answer by then is given up as a transient failure. Capped at half the lease,
   * so a post never outlives the lease checked before it.
   */
  sendTimeoutMs: 30_000,
} as const;

export type RetryOptions = { [K in keyof typeof RETRY_DEFAULTS]: number };

export interface DeliverDeps {
  ledger: DigestLedger;
  source: DigestSource;
  senders: ReadonlyMap<string, DigestSender>;
  limiter: Limiter;
  now: () => number;
  /** Resolves after about `ms`; may be early, callers re-check the clock. */
  sleep: (ms: number) => Promise<void>;
  /** Runs `fn` after `ms`; returns a cancel. */
  setTimer: (fn: () => void, ms: number) => () => void;
  owner: string;
  leaseMs: number;
  catchUpWindowMs: number;
  /** Sent more than this after the slot: recorded "late". */
  lateAfterMs: number;
  /** The first digest of a destination shows cards from this far back. */
  firstDigestLookbackMs: number;
  /** Cards read per digest before ranking. */
  scanLimit: number;
  /** Runs a slot's database work (claim, content) with bounded concurrency. */
  gate: <T>(work: () => Promise<T>) => Promise<T>;
  retry: RetryOptions;
}

export type SlotOutcome =
  | { kind: "sent" | "late"; messageId: string; cards: number; reconciled: boolean }
  | { kind: "skipped" | "failed"; reason: string }
  | { kind: "busy"; leaseUntil: number }
  /** Already final in the ledger (another replica, or an earlier run). */
  | { kind: "done"; status: SlotStatus }
  /** Our lease was retaken by another replica before we could send. */
  | { kind: "lost" };

const hours = (ms: number) => `${Math.round((ms / 3_600_000) * 10) / 10}h`;

async function waitUntil(deps: DeliverDeps, at: number): Promise<void> {
  for (let left = at - deps.now(); left > 0; left = at - deps.now()) await deps.sleep(left);
}

export interface DigestPlan {
  cards: BriefingCard[];
  context: DigestContext;
}

/** The cards and context a digest for `slot` would carry: also what `digest preview` shows. */
export async function planDigest(deps: DeliverDeps, dest: DigestDestination, slot: number): Promise<DigestPlan> {
  const last = await deps.ledger.lastDelivered(dest.id);
  const since = last?.contentUntil ?? undefined;
  const from = since ?? slot - deps.firstDigestLookbackMs;
  // Content runs up to the slot, not the send time, so a retaken slot picks the same cards.
  const candidates = await deps.source.cardsSince(from, slot, dest.topics, deps.scanLimit);
  const { cards, matched } = selectForDigest(candidates, dest.topics, dest.maxCards);
  const stories: Record<string, StorySummary> = {};
  for (const c of candidates) if (c.story && cards.includes(c.card)) stories[c.card.id] = c.story;
  const context: DigestContext = {
    slot,
    slotLocal: formatLocal(slot, dest.timezone),
    since,
    sinceLocal: since === undefined ? undefined : formatLocal(since, dest.timezone),
    matched,
    late: deps.now() - slot > deps.lateAfterMs,
    idempotencyKey: `briefbot-digest:${dest.id}:${slot}`,
  };
  if (Object.keys(stories).length) context.stories = stories;
  return { cards, context };
}

type Final = Exclude<SlotOutcome, { kind: "busy" | "done" | "lost" }>;
type Finish = (o: Final) => Promise<SlotOutcome>;

interface Prepared {
  sender: DigestSender;
  plan: DigestPlan;
  claim: SlotClaim;
  finish: Finish;
  status: () => "sent" | "late";
}

export async function deliverSlot(deps: DeliverDeps, dest: DigestDestination, slot: number): Promise<SlotOutcome> {
  // Database work is gated so a thousand due slots flow through to sending in order instead of
  // all queueing for the pool at once; sending is paced by the limiter.
  const prepared = await deps.gate(() => prepareSlot(deps, dest, slot));
  if (!("plan" in prepared)) return prepared;
  return sendWithRetries(deps, dest, prepared);
}

async function prepareSlot(deps: DeliverDeps, dest: DigestDestination, slot: number): Promise<Prepared | SlotOutcome> {
  const age = deps.now() - slot;
  const tooOld = `missed by ${hours(age)} (window ${hours(deps.catchUpWindowMs)})`;
  // Too old and never started: record it skipped without claiming. If a row exists, the claim decides.
  if (age > deps.catchUpWindowMs && (await deps.ledger.skip(dest.id, slot, tooOld, deps.now()))) return { kind: "skipped", reason: tooOld };
  const claimed = await deps.ledger.claim(dest.id, slot, deps.owner, deps.now(), deps.leaseMs);
  if (claimed.kind === "busy") return { kind: "busy", leaseUntil: claimed.leaseUntil };
  if (claimed.kind === "done") return { kind: "done", status: claimed.record.status };
  const claim = claimed.claim;
  const finish: Finish = async (outcome) => {
    const written =
      "messageId" in outcome
        ? { status: outcome.kind, messageId: outcome.messageId, contentUntil: slot }
        : { status: outcome.kind, reason: outcome.reason };
    return (await deps.ledger.complete(claim, written, deps.now())) ? outcome : { kind: "lost" };
  };

  const sender = deps.senders.get(dest.platform);
  if (!sender) return finish({ kind: "failed", reason: `no sender for platform ${dest.platform}` });
  const plan = await planDigest(deps, dest, slot);
  const status = () => (deps.now() - slot > deps.lateAfterMs ? "late" : "sent") as "sent" | "late";

  if (claim.retake && sender.findSent) {
    // A replica wrote its intent and died: the platform may have the message already.
    const found = await sender.findSent(dest, plan.context, plan.cards);
    if (found) return finish({ kind: status(), messageId: found.messageId, cards: plan.cards.length, reconciled: true });
  }
  if (deps.now() - slot > deps.catchUpWindowMs) return finish({ kind: "skipped", reason: tooOld });
  if (!plan.cards.length && dest.whenEmpty === "nothing") return finish({ kind: "skipped", reason: "nothing_new" });
  return { sender, plan, claim, finish, status };
}

/**
 * Runs `wait` (a turn in line, a backoff) while renewing the lease every third of it, so a long
 * queue does not let another replica retake a slot that is on its way. The send itself is not
 * covered: it is bounded by sendTimeoutMs, under the half lease checked before it.
 */
async function underLease<T>(deps: DeliverDeps, claim: SlotClaim, wait: () => Promise<T>): Promise<{ value: T; lost: boolean }> {
  let lost = false;
  let done = false;
  let cancel = () => undefined as void;
  const beat = () => {
    if (done) return; // a renewal that answered after the wait ended
    cancel = deps.setTimer(() => {
      deps.ledger.extend(claim, deps.now(), deps.leaseMs).then(
        (kept) => (kept ? beat() : (lost = true)),
        () => beat(), // a failed renewal: try again; the check before sending has the last word
      );
    }, deps.leaseMs / 3);
  };
  beat();
  try {
    return { value: await wait(), lost };
  } finally {
    done = true;
    cancel();
  }
}

/** A send that has not answered in `ms` counts as a transient failure (its outcome unknown). */
function withTimeout<T>(deps: DeliverDeps, work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cancel = deps.setTimer(() => reject(new TransientSendError(`no answer in ${ms} ms`)), ms);
    work.then(
      (v) => (cancel(), resolve(v)),
      (e: unknown) => (cancel(), reject(e)),
    );
  });
}

async function sendWithRetries(deps: DeliverDeps, dest: DigestDestination, p: Prepared): Promise<SlotOutcome> {
  const { sender, claim, finish, status } = p;
  const { cards, context } = p.plan;
  const { retry } = deps;
  let transient = 0;
  let limited = 0;
  for (;;) {
    const turn = await underLease(deps, claim, () => deps.limiter.acquire(dest.platform, dest.channel, sender.cost?.(dest, cards) ?? 1));
    const go = turn.value;
    if (turn.lost) {
      go(false);
      return { kind: "lost" };
    }
    // Make sure the lease outlasts the send (keeping our turn meanwhile); stop if another
    // replica took the slot over.
    if (claim.leaseUntil - deps.now() < deps.leaseMs / 2) {
      const kept = await deps.ledger.extend(claim, deps.now(), deps.leaseMs).catch((err: unknown) => {
        go(false);
        throw err;
      });
      if (!kept) {
        go(false);
        return { kind: "lost" };
      }
    }
    let sent: SentMessage;
    const answered = go();
    try {
      sent = await withTimeout(deps, sender.send(dest, cards, { ...context, late: status() === "late" }), Math.min(retry.sendTimeoutMs, deps.leaseMs / 2));
      answered();
    } catch (err) {
      answered();
      if (err instanceof PermanentSendError) return finish({ kind: "failed", reason: err.reason });
      if (err instanceof RateLimitedError) {
        // A global 429 says the platform is busy, not this channel: it is bounded by the window instead.
        if (!err.global) limited += 1;
        if (limited > retry.maxRateLimited || err.retryAfterMs > retry.maxRetryAfterMs)
          return finish({ kind: "failed", reason: `rate_limited: retry after ${err.retryAfterMs} ms, ${limited} times` });
        if (deps.now() + err.retryAfterMs - context.slot > deps.catchUpWindowMs)
          return finish({ kind: "failed", reason: `rate_limited: still limited ${hours(deps.catchUpWindowMs)} after the slot` });
        deps.limiter.pause(dest.platform, dest.channel, deps.now() + err.retryAfterMs, err.global);
        continue;
      }
      transient += 1;
      // A 5xx or a timeout may come after the platform posted it: ask before posting again.
      const found = await sender.findSent?.(dest, context, cards);
      if (found) return finish({ kind: status(), messageId: found.messageId, cards: cards.length, reconciled: true });
      const reason = err instanceof TransientSendError ? err.reason : err instanceof Error ? err.message : String(err);
      if (transient >= retry.maxAttempts) return finish({ kind: "failed", reason: `${reason} (after ${transient} attempts)` });
      const backoff = Math.min(retry.backoffBaseMs * 2 ** (transient - 1), retry.backoffMaxMs);
      if ((await underLease(deps, claim, () => waitUntil(deps, deps.now() + backoff))).lost) return { kind: "lost" };
      continue;
    }
    // Outside the try: a failing ledger write must not be mistaken for a failed send and resent.
    return finish({ kind: status(), messageId: sent.messageId, cards: cards.length, reconciled: false });
  }
}
