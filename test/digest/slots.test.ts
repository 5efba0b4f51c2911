// Slot computation: local wall-clock times in IANA zones, DST both ways, quiet days.
import { compileSchedule, formatLocal, nextSlot, slotsBetween, type ScheduleSpec } from "../../src/digest/index.js";

const iso = (ms: number) => new Date(ms).toISOString().replace(".000", "");
const slots = (spec: ScheduleSpec, from: string, to: string) =>
  slotsBetween(compileSchedule(spec), Date.parse(from), Date.parse(to)).map(iso);

describe("a 07:00 digest lands at 07:00 local", () => {
  test.each([
    ["Europe/London", "2026-01-15T07:00:00Z", "2026-07-15T06:00:00Z"],
    ["America/New_York", "2026-01-15T12:00:00Z", "2026-07-15T11:00:00Z"],
    ["Asia/Kolkata", "2026-01-15T01:30:00Z", "2026-07-15T01:30:00Z"],
    ["Asia/Tokyo", "2026-01-14T22:00:00Z", "2026-07-14T22:00:00Z"],
    ["Australia/Sydney", "2026-01-14T20:00:00Z", "2026-07-14T21:00:00Z"],
    ["America/St_Johns", "2026-01-15T10:30:00Z", "2026-07-15T09:30:00Z"],
  ])("%s: winter %s, summer %s", (timezone, winter, summer) => {
    const spec = { time: "07:00", timezone };
    // The local day of 15 January / 15 July: one slot each.
    expect(slots(spec, "2026-01-14T14:30:00Z", "2026-01-15T14:30:00Z")).toEqual([winter]);
    expect(slots(spec, "2026-07-14T14:30:00Z", "2026-07-15T14:30:00Z")).toEqual([summer]);
    expect(formatLocal(Date.parse(winter), timezone)).toBe(`2026-01-15 07:00 (${timezone})`);
  });
});

describe("DST: once a day at 07:00 local on both sides of the change", () => {
  test.each([
    // zone, from, to, the slots expected (a day before, the day of, the day after the change)
    ["America/New_York spring (8 Mar)", "America/New_York", "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z",
      ["2026-03-07T12:00:00Z", "2026-03-08T11:00:00Z", "2026-03-09T11:00:00Z"]],
    ["America/New_York autumn (1 Nov)", "America/New_York", "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z",
      ["2026-10-31T11:00:00Z", "2026-11-01T12:00:00Z", "2026-11-02T12:00:00Z"]],
    ["Europe/London spring (29 Mar)", "Europe/London", "2026-03-28T00:00:00Z", "2026-03-31T00:00:00Z",
      ["2026-03-28T07:00:00Z", "2026-03-29T06:00:00Z", "2026-03-30T06:00:00Z"]],
    ["Europe/London autumn (25 Oct)", "Europe/London", "2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z",
      ["2026-10-24T06:00:00Z", "2026-10-25T07:00:00Z", "2026-10-26T07:00:00Z"]],
    ["Australia/Sydney autumn (5 Apr)", "Australia/Sydney", "2026-04-03T00:00:00Z", "2026-04-06T00:00:00Z",
      ["2026-04-03T20:00:00Z", "2026-04-04T21:00:00Z", "2026-04-05T21:00:00Z"]],
  ])("%s", (_name, timezone, from, to, expected) => {
    expect(slots({ time: "07:00", timezone }, from, to)).toEqual(expected);
  });

  test("a local time in the spring gap is moved forward by the gap (02:30 -> 03:30 EDT), once", () => {
    expect(slots({ cron: "30 2 * * *", timezone: "America/New_York" }, "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z")).toEqual([
      "2026-03-07T07:30:00Z", // 02:30 EST
      "2026-03-08T07:30:00Z", // 02:30 does not exist: 03:30 EDT
      "2026-03-09T06:30:00Z", // 02:30 EDT
    ]);
    // 02:30 shifted onto an existing 03:30 is one slot, not two.
    expect(slots({ cron: "30 2,3 * * *", timezone: "America/New_York" }, "2026-03-08T05:00:00Z", "2026-03-08T09:00:00Z")).toEqual([
      "2026-03-08T07:30:00Z",
    ]);
  });

  test("a local time that happens twice in autumn gives one slot, at its first occurrence", () => {
    expect(slots({ cron: "30 1 * * *", timezone: "Europe/London" }, "2026-10-24T12:00:00Z", "2026-10-26T12:00:00Z")).toEqual([
      "2026-10-25T00:30:00Z", // 01:30 BST; 01:30 GMT an hour later is not a second slot
      "2026-10-26T01:30:00Z",
    ]);
  });
});

describe("quiet days and cron expressions", () => {
  test("weekdays only: quiet days are read in the destination's zone", () => {
    // Tokyo's Monday 07:00 is Sunday 22:00 UTC; Saturday and Sunday in Tokyo are quiet.
    expect(slots({ time: "07:00", timezone: "Asia/Tokyo", quietDays: ["sat", "sun"] }, "2026-01-09T23:00:00Z", "2026-01-17T23:00:00Z")).toEqual([
      "2026-01-11T22:00:00Z", "2026-01-12T22:00:00Z", "2026-01-13T22:00:00Z", "2026-01-14T22:00:00Z", "2026-01-15T22:00:00Z",
    ]);
  });

  test.each([
    ["0 9 * * 1", "Europe/Berlin", ["2026-02-02T08:00:00Z", "2026-02-09T08:00:00Z", "2026-02-16T08:00:00Z", "2026-02-23T08:00:00Z"]],
    ["30 6 1 * *", "America/Los_Angeles", ["2026-02-01T14:30:00Z"]],
    ["0 8 * * 1#2", "UTC", ["2026-02-09T08:00:00Z"]],
    ["0 18 L * *", "UTC", ["2026-02-28T18:00:00Z"]],
  ])("%s in %s, February 2026", (cron, timezone, expected) => {
    expect(slots({ cron, timezone }, "2026-01-31T23:00:00Z", "2026-02-28T23:00:00Z")).toEqual(expected);
  });

  test("the window is (from, to]: a slot at `from` belongs to the previous window", () => {
    const spec = { time: "07:00", timezone: "UTC" };
    expect(slots(spec, "2026-01-15T07:00:00Z", "2026-01-16T07:00:00Z")).toEqual(["2026-01-16T07:00:00Z"]);
    expect(slots(spec, "2026-01-16T07:00:00Z", "2026-01-16T07:00:00Z")).toEqual([]);
  });

  test("a limit stops the walk and keeps the earliest", () => {
    const s = compileSchedule({ cron: "0 7,19 * * *", timezone: "UTC" });
    expect(slotsBetween(s, Date.parse("2026-01-01T00:00:00Z"), Date.parse("2026-02-01T00:00:00Z"), 3).map(iso)).toEqual([
      "2026-01-01T07:00:00Z", "2026-01-01T19:00:00Z", "2026-01-02T07:00:00Z",
    ]);
  });

  test("nextSlot looks years ahead for 29 February", () => {
    const s = compileSchedule({ cron: "0 7 29 2 *", timezone: "UTC" });
    expect(iso(nextSlot(s, Date.parse("2026-03-01T00:00:00Z")) ?? 0)).toBe("2028-02-29T07:00:00Z");
    expect(iso(nextSlot(compileSchedule({ time: "07:00", timezone: "UTC" }), Date.parse("2026-01-01T07:00:00Z")) ?? 0)).toBe("2026-01-02T07:00:00Z");
  });
});
