// The digest's config: bad cron expressions and zones are refused with the key named.
import { digestConfigSchema, digestDestinationSchema } from "../../src/digest/index.js";

const base = { id: "news", platform: "slack", channel: "C123", timezone: "Europe/London" };
const issues = (input: unknown) =>
  (digestConfigSchema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join(".")}: ${i.message}`);

describe("digest config", () => {
  test("defaults fill what a destination leaves out", () => {
    expect(digestDestinationSchema.parse({ ...base, time: "07:00" })).toEqual({
      ...base,
      time: "07:00",
      topics: "all",
      maxCards: 8,
      quietDays: [],
      whenEmpty: "line",
    });
    expect(digestConfigSchema.parse({})).toEqual({ catchUpWindowMs: 6 * 3_600_000, leaseMs: 120_000, destinations: [] });
  });

  test.each([
    [{ ...base, cron: "0 7 * * 1-5" }, []],
    [{ ...base, time: "7:00" }, ['destinations.0.time: expected a local time "HH:MM" such as "07:00"']],
    [{ ...base, time: "24:00" }, ['destinations.0.time: expected a local time "HH:MM" such as "07:00"']],
    [{ ...base, cron: "61 7 * * *" }, ['destinations.0.cron: invalid cron expression "61 7 * * *"']],
    [{ ...base, cron: "every morning" }, ['destinations.0.cron: invalid cron expression "every morning"']],
    [{ ...base, cron: "*/10 * 7 * * *" }, ["destinations.0.cron: a digest runs at most once a minute: give one value for seconds"]],
    [{ ...base, cron: "30 0 7 * * *" }, []],
    [{ ...base, time: "07:00", timezone: "Europe/Lundon" }, ['destinations.0.timezone: unknown IANA time zone "Europe/Lundon"']],
    [{ ...base, time: "07:00", timezone: "" }, ['destinations.0.timezone: unknown IANA time zone ""']],
    [{ ...base }, ["destinations.0.time: give exactly one of `time` or `cron`"]],
    [{ ...base, time: "07:00", cron: "0 7 * * *" }, ["destinations.0.time: give exactly one of `time` or `cron`"]],
    [{ ...base, time: "07:00", platform: "teams" }, ['destinations.0.platform: Invalid option: expected one of "slack"|"discord"|"console"']],
    [{ ...base, time: "07:00", quietDays: ["saturday"] }, ['destinations.0.quietDays.0: Invalid option: expected one of "sun"|"mon"|"tue"|"wed"|"thu"|"fri"|"sat"']],
    [{ ...base, time: "07:00", maxCards: 0 }, ["destinations.0.maxCards: Too small: expected number to be >=1"]],
  ])("%j -> %j", (destination, expected) => {
    expect(issues({ destinations: [destination] })).toEqual(expected);
  });

  test("destination ids are unique; topics are lower-cased", () => {
    expect(issues({ destinations: [{ ...base, time: "07:00" }, { ...base, time: "08:00" }] })).toEqual([
      'destinations.1.id: duplicate destination id "news"',
    ]);
    expect(digestDestinationSchema.parse({ ...base, time: "07:00", topics: ["Ukraine", "NATO"] }).topics).toEqual(["ukraine", "nato"]);
  });
});
