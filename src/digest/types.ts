// The digest's boundaries: where cards come from, how a digest reaches a platform, and the
// ledger of what was sent. Adapters implement DigestSender; the store is reached via DigestSource.
import type { BriefingCard, StorySummary } from "../core/index.js";
import type { DigestDestination } from "./config.js";

export type DigestPlatform = DigestDestination["platform"];

export interface DigestCandidate {
  card: BriefingCard;
  /** When the store ingested it (ms). */
  ingestedAt: number;
  /** Its story: the digest sends one item per story, with its sources. */
  story?: StorySummary;
}

export interface DigestSource {
  /** Cards ingested in (sinceMs, untilMs] whose topics meet `topics`, at most `limit`, newest first. */
  cardsSince(sinceMs: number, untilMs: number, topics: readonly string[] | "all", limit: number): Promise<DigestCandidate[]>;
}

export interface DigestContext {
  /** The scheduled instant (ms) this digest is for. */
  slot: number;
  /** Same instant as local wall-clock text: "2026-03-08 07:00 (America/New_York)". */
  slotLocal: string;
  /** The previous digest's content cut-off (ms), if there was one. */
  since: number | undefined;
  /** "Nothing new since ..." text to show when `cards` is empty, in the destination's zone. */
  sinceLocal: string | undefined;
  /** How many cards matched before `maxCards` cut the list. */
  matched: number;
  /** Sent after the slot because the bot was down or busy. */
  late: boolean;
  /**
   * Stable per (destination, slot): put it where findSent can see it (Slack message metadata,
   * Discord `nonce` with `enforce_nonce`), so a retaken slot is not posted twice.
   */
  idempotencyKey: string;
  /** The story of each card sent, by card id: its sources, and where they differ. */
  stories?: Readonly<Record<string, StorySummary>>;
}

export interface SentMessage {
  messageId: string;
}

export interface DigestSender {
  readonly platform: DigestPlatform;
  /**
   * Posts one digest (possibly several platform messages: a header and a thread). Resolves after
   * the platform accepted it. Throws RateLimitedError, PermanentSendError or TransientSendError.
   * `cards` is empty when nothing is new and the destination wants the "nothing new" line.
   */
  send(destination: DigestDestination, cards: readonly BriefingCard[], context: DigestContext): Promise<SentMessage>;
  /**
   * Optional: platform messages this digest takes (a header and a thread of cards); default 1.
   * The limiter books them at the channel's average rate; the sender paces the extra ones itself.
   */
  cost?(destination: DigestDestination, cards: readonly BriefingCard[]): number;
  /**
   * Optional: finds a digest already posted with this idempotency key. Used when a slot is retaken
   * from a replica that died mid-send; without it such a slot may be posted twice (at-least-once).
   * `cards` are the digest's (a retake picks the same): a sender may finish a digest of several
   * messages that was cut short (the rest of a Slack thread) before answering that it was sent.
   */
  findSent?(destination: DigestDestination, context: DigestContext, cards: readonly BriefingCard[]): Promise<SentMessage | undefined>;
}

export type SlotStatus = "pending" | "sent" | "late" | "skipped" | "failed";
export type FinalStatus = Exclude<SlotStatus, "pending">;

export interface SlotRecord {
  destinationId: string;
  slot: number;
  status: SlotStatus;
  /** Claims so far (a retake after a lease expired adds one). */
  attempts: number;
  owner: string | null;
  leaseUntil: number | null;
  messageId: string | null;
  /** Why it was skipped or failed: "channel_not_found", "missed by 7h (window 6h)". */
  reason: string | null;
  /** Content cut-off of a delivered digest: the next digest shows cards ingested after it. */
  contentUntil: number | null;
  updatedAt: number;
}

/** A slot this runner owns until `leaseUntil`; fenced by `attempt`. */
export interface SlotClaim {
  destinationId: string;
  slot: number;
  owner: string;
  attempt: number;
  leaseUntil: number;
  /** A previous owner wrote its intent and never finished: the digest may already be posted. */
  retake: boolean;
}

export type ClaimResult =
  | { kind: "claimed"; claim: SlotClaim }
  | { kind: "busy"; leaseUntil: number; owner: string }
  | { kind: "done"; record: SlotRecord };

export type Completion =
  | { status: "sent" | "late"; messageId: string; contentUntil: number }
  | { status: "skipped" | "failed"; reason: string };

export interface DigestLedger {
  /** Writes the intent (status pending) with a lease, or retakes an expired lease, or says why not. */
  claim(destinationId: string, slot: number, owner: string, now: number, leaseMs: number): Promise<ClaimResult>;
  /** Pushes the lease on; false when the claim was lost (another replica retook it). */
  extend(claim: SlotClaim, now: number, leaseMs: number): Promise<boolean>;
  /** Final status for a claimed slot; false (and nothing written) when the claim was lost. */
  complete(claim: SlotClaim, outcome: Completion, now: number): Promise<boolean>;
  /** Records a slot that will never be sent (missed beyond the window); false if already recorded. */
  skip(destinationId: string, slot: number, reason: string, now: number): Promise<boolean>;
  get(destinationId: string, slot: number): Promise<SlotRecord | undefined>;
  /** The latest slot recorded for the destination, whatever its status. */
  latestSlot(destinationId: string): Promise<number | undefined>;
  /** The latest sent or late digest (its contentUntil is where the next digest starts). */
  lastDelivered(destinationId: string): Promise<SlotRecord | undefined>;
  /** Slots left pending (intent written, never finished), oldest first. */
  unfinished(destinationId: string): Promise<SlotRecord[]>;
  /** Slots in [fromSlot, toSlot], ascending: for `digest` commands, tests and the bench. */
  list(destinationId: string, fromSlot: number, toSlot: number): Promise<SlotRecord[]>;
}
