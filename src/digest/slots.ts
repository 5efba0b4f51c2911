// When a destination's digests are due: pure, in UTC milliseconds, from its local schedule.
// node-cron parses and validates the expression; the walk over local dates is ours so that
// slots can be listed for any past window (catch-up) and DST is handled one documented way.
import { parse } from "node-cron";
import { fromLocal, toLocal, weekdayOf } from "./zone.js";

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface ScheduleSpec {
  /** "07:00" local; or */
  time?: string;
  /** a node-cron expression (5 or 6 fields, day-of-month AND day-of-week as node-cron reads them). */
  cron?: string;
  timezone: string;
  quietDays?: readonly Weekday[];
}

export interface Schedule {
  timeZone: string;
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: Array<number | string>;
  months: number[];
  weekdays: Array<number | string>;
  quiet: ReadonlySet<number>;
}

/** "07:30" becomes "0 30 7 * * *"; a cron expression is used as written. */
export function cronOf(spec: Pick<ScheduleSpec, "time" | "cron">): string {
  if (spec.cron) return spec.cron;
  const m = /^(\d{1,2}):(\d{2})$/.exec(spec.time ?? "");
  if (!m) throw new RangeError(`time must be HH:MM, got "${spec.time ?? ""}"`);
  return `0 ${Number(m[2])} ${Number(m[1])} * * *`;
}

export function compileSchedule(spec: ScheduleSpec): Schedule {
  const f = parse(cronOf(spec));
  const asc = (xs: number[]) => [...new Set(xs)].sort((a, b) => a - b);
  return {
    timeZone: spec.timezone,
    seconds: asc(f.second),
    minutes: asc(f.minute),
    hours: asc(f.hour),
    daysOfMonth: f.dayOfMonth,
    months: f.month,
    weekdays: f.dayOfWeek.map((d) => (d === 7 ? 0 : d)),
    quiet: new Set((spec.quietDays ?? []).map((d) => WEEKDAYS.indexOf(d))),
  };
}

const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function nearestWeekday(y: number, m: number, target: number): number {
  const last = lastDay(y, m);
  const t = Math.min(target, last);
  const wd = weekdayOf(y, m, t);
  if (wd === 6) return t === 1 ? 3 : t - 1;
  if (wd === 0) return t === last ? t - 2 : t + 1;
  return t;
}

// Same tokens as node-cron: L, LW, 15W, L-3.
function matchesDayOfMonth(field: Array<number | string>, y: number, m: number, d: number): boolean {
  return field.some((v) => {
    if (typeof v === "number") return v === d;
    if (v === "L") return d === lastDay(y, m);
    const w = /^(L|\d+)W$/.exec(v);
    if (w?.[1]) return nearestWeekday(y, m, w[1] === "L" ? lastDay(y, m) : Number(w[1])) === d;
    const off = /^L-(\d+)$/.exec(v);
    return off?.[1] !== undefined && lastDay(y, m) - Number(off[1]) === d;
  });
}

// Same tokens as node-cron: 5L (last Friday), 1#2 (second Monday).
function matchesWeekday(field: Array<number | string>, y: number, m: number, d: number): boolean {
  const wd = weekdayOf(y, m, d);
  return field.some((v) => {
    if (typeof v === "number") return v === wd;
    const last = /^([0-7])L$/i.exec(v);
    if (last?.[1]) return Number(last[1]) % 7 === wd && d + 7 > lastDay(y, m);
    const nth = /^([0-7])#([1-5])$/.exec(v);
    return !!nth?.[1] && !!nth[2] && Number(nth[1]) % 7 === wd && Math.floor((d - 1) / 7) + 1 === Number(nth[2]);
  });
}

function dayMatches(s: Schedule, y: number, m: number, d: number): boolean {
  return (
    s.months.includes(m) &&
    !s.quiet.has(weekdayOf(y, m, d)) &&
    matchesDayOfMonth(s.daysOfMonth, y, m, d) &&
    matchesWeekday(s.weekdays, y, m, d)
  );
}

/**
 * Every slot in (fromMs, toMs], ascending. A local time that happens twice when clocks go back
 * gives one slot (the first); one that does not exist when clocks go forward is moved forward
 * by the gap (see zone.ts fromLocal); two local times landing on one instant give one slot.
 * With `limit`, stops after the local day that reaches it and returns the first `limit`.
 */
export function slotsBetween(s: Schedule, fromMs: number, toMs: number, limit = Infinity): number[] {
  if (toMs <= fromMs) return [];
  const out = new Set<number>();
  const start = toLocal(fromMs, s.timeZone);
  const end = toLocal(toMs, s.timeZone);
  const endKey = Date.UTC(end.year, end.month - 1, end.day);
  // Start a day early: a gap-shifted time from the previous local date can land after fromMs.
  for (let day = Date.UTC(start.year, start.month - 1, start.day - 1); day <= endKey; day += DAY) {
    const date = new Date(day);
    const y = date.getUTCFullYear(), m = date.getUTCMonth() + 1, d = date.getUTCDate();
    if (!dayMatches(s, y, m, d)) continue;
    for (const hour of s.hours)
      for (const minute of s.minutes)
        for (const second of s.seconds) {
          const t = fromLocal({ year: y, month: m, day: d, hour, minute, second }, s.timeZone);
          if (t > fromMs && t <= toMs) out.add(t);
        }
    // Whole days only: a day's times are all in before the earliest few are returned.
    if (out.size >= limit) break;
  }
  return [...out].sort((a, b) => a - b).slice(0, limit);
}

const DAY = 86_400_000;

/** The first slot after `afterMs`, looking up to ~8 years ahead (29 February crons). */
export function nextSlot(s: Schedule, afterMs: number): number | undefined {
  // Windows that grow from two days to a month: a daily digest costs one short walk.
  for (let from = afterMs, span = 2 * DAY; from < afterMs + 2930 * DAY; from += span, span = Math.min(span * 2, 32 * DAY)) {
    const found = slotsBetween(s, from, from + span, 1)[0];
    if (found !== undefined) return found;
  }
  return undefined;
}
