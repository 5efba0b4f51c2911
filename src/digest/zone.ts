// Wall-clock time in an IANA zone, with Intl only (no tz database of our own).
// Local times are { year, month (1-12), day, hour, minute, second }.

export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone ("Europe/London", "UTC"); false for "Europe/Lundon". */
export function isValidTimeZone(timeZone: string): boolean {
  if (!timeZone) return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock time in `timeZone` at instant `ms`. */
export function toLocal(ms: number, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const asUtc = (t: LocalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** Offset of the zone from UTC at instant `ms`, in ms (New York in winter: -5 h). */
export function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return asUtc(toLocal(whole, timeZone)) - whole;
}

const DAY = 86_400_000;

/**
 * The instant a wall-clock time happens in a zone. Across a clock change:
 * - a time that happens twice (autumn, clocks go back) resolves to the first occurrence;
 * - a time that never happens (spring gap) is moved forward by the gap, as a wall clock
 *   that was not changed would show it (02:30 in New York on the spring day is 03:30 EDT).
 * This is Temporal's "compatible" disambiguation.
 */
export function fromLocal(t: LocalTime, timeZone: string): number {
  const wall = asUtc(t);
  // Zone offsets change at most once within a day around any real zone's transitions.
  const before = offsetAt(wall - DAY, timeZone);
  const after = offsetAt(wall + DAY, timeZone);
  const candidates = [wall - before, wall - after].filter((ms) => offsetAt(ms, timeZone) === wall - ms);
  if (candidates.length) return Math.min(...candidates);
  return wall - before; // in the gap: read with the offset in force before the change
}

/** Day of week of a calendar date, 0 = Sunday. */
export const weekdayOf = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day)).getUTCDay();

/** ISO-like local stamp for people and logs: "2026-03-08 07:00 (America/New_York)". */
export function formatLocal(ms: number, timeZone: string): string {
  const t = toLocal(ms, timeZone);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${t.year}-${p(t.month)}-${p(t.day)} ${p(t.hour)}:${p(t.minute)} (${timeZone})`;
}
