// Clubs named like their town ("Lakeport beat Tromso 2-1", "Kentish have won twice"): sports news names a
// club by its place. Nations stay places: a national side is written as its country.
import { placeTable } from "../gazetteer.js";
import { placeKind } from "./places.js";
import type { NameSeq } from "./names.js";
import type { Token } from "./tokens.js";

// The home nations, and countries the table names otherwise or no longer holds; their sides are named as places.
const HOME_NATIONS = new Set(["england", "scotland", "wales", "northern ireland", "ireland", "turkey", "zaire", "yugoslavia", "soviet union", "czechoslovakia", "ussr"]);

/** A country, as the country table knows it (not a city or a state named like a club). */
export function isNation(form: string): boolean {
  const k = form.toLowerCase().replace(/\./g, "");
  return HOME_NATIONS.has(k) || placeTable().get(k)?.via === "country";
}

// Words between two clubs that set them against each other: "Lakeport beat Tromso", "Lakeport v Tromso",
// "a home defeat to Tromso" (the first club named before).
const BETWEEN = new Set(["beat", "beats", "beating", "defeated", "edged", "thrashed", "routed", "trounced", "v", "vs", "versus", "drew with", "draw with", "drawn with", "lost to", "lose to", "losing to", "defeat to", "defeat by", "win over", "victory over", "win against", "draw against"]);

// Verbs in the plural present that a club takes ("Lakeport have", "Lakeport look certain", "Lakeport need a win").
const PLURAL_VERBS = new Set(["have", "are", "look", "need", "face", "remain", "host", "meet", "play", "lead", "trail", "sit", "go"]);

const CLAUSE_OPENERS = new Set(["but", "while", "as", "when", "though", "although", "because", "since", "after", "before", "so", "yet", "now", "where"]);

/**
 * Clubs: two names set against each other by a sport's verb, where one is a town or a county (not a
 * nation) or already an organisation, both become organisations; and a lone name not written as a plural
 * followed by a plural verb ("Lakeport have", "Lakeport are"), as British English writes of a club, is one. People stay people.
 */
export function markTeams(tokens: readonly Token[], seqs: NameSeq[]): void {
  const town = (s: NameSeq) => (s.kind === "place" || s.kind === "single") && placeKind(s.name) !== undefined && !isNation(s.name);
  const free = (s: NameSeq) => ((s.kind === "single" || s.kind === "place") && !isNation(s.name)) || s.kind === "organization";
  const toOrg = (s: NameSeq) => {
    if (s.kind === "single" || s.kind === "place") {
      s.kind = "organization";
      delete s.placeLike;
      delete s.weak;
    }
  };
  for (let x = 0; x + 1 < seqs.length; x++) {
    const a = seqs[x]!;
    const b = seqs[x + 1]!;
    if (tokens[a.from]!.sentence !== tokens[b.from]!.sentence || b.from - a.to > 4 || b.from <= a.to) continue;
    const between = tokens.slice(a.to, b.from);
    if (!between.every((t) => t.word && !t.cap) && !(between.length === 2 && between[0]!.norm === "v" && between[1]!.text === ".")) continue;
    // "beat the Lakeport Comets": an article after the verb.
    const words = between.filter((t) => t.word).map((t) => t.norm).join(" ").replace(/ the$/, "");
    if (!BETWEEN.has(words)) continue;
    if (!free(a) || !free(b)) continue;
    if (town(a) || town(b) || a.kind === "organization" || b.kind === "organization") {
      toOrg(a);
      toOrg(b);
    }
  }
  for (const s of seqs) {
    if (s.to - s.from !== 1 || tokens[s.from]!.possessive || !(town(s) || (s.kind === "single" && !s.weak && !isNation(s.name)))) continue;
    const next = tokens[s.to];
    const prev = tokens[s.from - 1];
    if (!next || next.sentence !== tokens[s.from]!.sentence || !PLURAL_VERBS.has(next.norm)) continue;
    // "Lakeport are expected to": a passive says nothing of a club.
    if (/ed$/.test(tokens[s.to + 1]?.norm ?? "")) continue;
    // The club opens its clause ("Lakeport have won", "but Lakeport are top"), else the verb may be another
    // subject's ("fans in Lakeport are", "groups backed by Lakeport have").
    const newClause = prev?.norm === "and" && tokens[s.from - 2]?.text === ",";
    if (prev && prev.sentence === next.sentence && prev.word && !CLAUSE_OPENERS.has(prev.norm) && !newClause) continue;
    // A plural name, or a number ("Forty-eight have signed").
    if (/s$|^(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?)\b/.test(s.name.toLowerCase())) continue;
    toOrg(s);
  }
}
