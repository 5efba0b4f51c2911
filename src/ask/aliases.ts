// What users type for a place, mapped to the other forms a card's topics may use:
// the core's country gazetteer (topicKey), plus these groups of other forms news uses.
import { topicKey } from "../core/index.js";
import { tokens } from "../store/index.js";

const GROUPS: readonly string[] = [
  "ukraine ukrainian ukrainians kyiv kiev",
  "russia russian russians moscow kremlin",
  "united states|us|usa|u.s.|america|american|americans|washington",
  "united kingdom|uk|u.k.|britain|great britain|british|london",
  "china chinese beijing",
  "india indian indians delhi|new delhi",
  "pakistan pakistani pakistanis islamabad",
  "france french paris",
  "germany german germans berlin",
  "italy italian italians rome",
  "spain spanish madrid",
  "poland polish warsaw",
  "belarus belarusian minsk",
  "turkey turkish ankara",
  "iran iranian iranians tehran",
  "iraq iraqi iraqis baghdad",
  "syria syrian syrians damascus",
  "israel israeli israelis jerusalem",
  "egypt egyptian egyptians cairo",
  "japan japanese tokyo",
  "north korea|north korean|pyongyang",
  "south korea|south korean|seoul",
  "taiwan taiwanese taipei",
  "afghanistan afghan afghans kabul",
  "canada canadian canadians ottawa",
  "mexico mexican mexicans",
  "brazil brazilian brazilians brasilia",
  "australia australian australians canberra",
  "nigeria nigerian nigerians abuja",
  "south africa|south african|pretoria",
  "saudi arabia|saudi|saudis|riyadh",
  "nato|north atlantic treaty organization|north atlantic treaty organisation",
  "european union|eu|e.u.|brussels",
  "united nations|un|u.n.",
];

const key = (s: string) => tokens(s.replace(/\./g, "")).join(" ");

const BY_FORM = new Map<string, string[]>();
for (const g of GROUPS) {
  const forms = (g.includes("|") ? g.split("|") : g.split(" ")).map(key);
  for (const f of forms) BY_FORM.set(f, forms);
}

/** Every form of the topic the user typed, itself first ("kyiv" -> kyiv, ukraine, ukrainian, ...). */
export function topicForms(typed: string): string[] {
  const k = key(typed);
  // The core's gazetteer knows every country, its capital and demonyms ("kyiv" -> "ukraine").
  const country = key(topicKey(typed));
  return [...new Set([k, country, ...(BY_FORM.get(k) ?? []), ...(BY_FORM.get(country) ?? [])])].filter(Boolean);
}

/** Every alias form known, for suggestions. */
export function knownForms(): string[] {
  return [...BY_FORM.keys()];
}
