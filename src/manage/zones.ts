// IANA time zones through Intl only: validity, the canonical spelling of what someone typed, and
// suggestions for autocomplete and for refusals ("Europe/Lundon" -> "Europe/London").
import { isValidTimeZone } from "../digest/index.js";

let all: readonly string[] | undefined;

/** Every zone this Node knows ("UTC" first), computed once. */
export function timeZones(): readonly string[] {
  all ??= ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
  return all;
}

/** The zone as Intl spells it ("europe/london" -> "Europe/London"), or undefined when unknown. */
export function canonicalZone(typed: string): string | undefined {
  const t = typed.trim();
  if (!t) return undefined;
  const exact = timeZones().find((z) => z.toLowerCase() === t.toLowerCase());
  if (exact) return exact;
  // Intl knows aliases the list leaves out ("Asia/Calcutta", "GMT"): keep them as typed.
  return isValidTimeZone(t) ? t : undefined;
}

const city = (z: string) => (z.split("/").pop() ?? z).toLowerCase().replace(/_/g, " ");

/** Up to `limit` zones for what was typed: prefix of the name, then of the city, then containing it. */
export function suggestZones(typed: string, limit = 25): string[] {
  const t = typed.trim().toLowerCase().replace(/\s+/g, "_");
  if (!t) return timeZones().slice(0, limit) as string[];
  const spaced = t.replace(/_/g, " ");
  const zones = timeZones();
  const tiers = [
    zones.filter((z) => z.toLowerCase().startsWith(t)),
    zones.filter((z) => city(z).startsWith(spaced)),
    zones.filter((z) => z.toLowerCase().includes(t)),
  ];
  const out = new Set<string>();
  for (const tier of tiers) for (const z of tier) if (out.size < limit) out.add(z);
  if (!out.size) {
    // A typo ("Europe/Lundon"): the zones at the fewest edits, if that is at most a quarter of the name.
    const scored = zones.map((z) => ({ z, d: distance(t, z.toLowerCase()) })).sort((a, b) => a.d - b.d);
    const best = scored[0]?.d ?? Infinity;
    for (const { z, d } of scored) if (d === best && d <= Math.max(2, t.length / 4) && out.size < limit) out.add(z);
  }
  return [...out];
}

/** Levenshtein distance, two rows. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
