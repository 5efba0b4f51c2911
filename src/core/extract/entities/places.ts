// Place names beyond countries: cities and their provinces from city-timezones (MIT; about 7,300
// cities worldwide with the province each lies in), with the country table and the hand lists.
import { memo } from "../../text/memo.js";
import { placeTable } from "../gazetteer.js";
import { MULTI_PLACES, PLACES } from "./lexicon.js";

interface CityRow {
  city: string;
  city_ascii: string;
  province: string;
}

let cities: Set<string> | undefined;

// Plain ASCII words with single spaces (most forms): their key is their lower case.
const PLAIN = /^[A-Za-z0-9'-]+(?: [A-Za-z0-9'-]+)*$/;

/** Lower case, accents and dots dropped, one space between words: "St. Étienne" -> "st etienne", "U.S." -> "us". */
export const placeKey = (s: string): string =>
  PLAIN.test(s) ? s.toLowerCase() :
  s.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’']/g, "'").replace(/\./g, "").replace(/\s+/g, " ").trim();

function cityTable(): Set<string> {
  if (cities) return cities;
  const t = new Set<string>();
  // A plain require keeps the city table out of start-up until a card needs it.
  const rows = (require("city-timezones") as { cityMapping: CityRow[] }).cityMapping;
  for (const r of rows) for (const n of [r.city, r.city_ascii, r.province]) if (n && n.length >= 3) t.add(placeKey(n));
  cities = t;
  return t;
}

// "North Caucasus", "East Jerusalem", "S. Korea": a compass word before a place is part of its name.
const COMPASS = new Set(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "upper", "lower", "greater", "n", "s", "e", "w"]);

/**
 * What a gazetteer says of a form: "country" for countries, their capitals and demonym-free regions and
 * large cities of the hand list; "city" for the cities and provinces of city-timezones (a lone one may
 * also be a surname or a common word: "Jackson", "Reading"); undefined when no gazetteer knows it.
 */
export function placeKind(form: string): PlaceKind {
  return kinds(form);
}

type PlaceKind = "country" | "city" | undefined;
// The names, words and slices of names a card asks about, each asked several times.
const kinds = memo((form) => placeKindOf(form), 5000);

function placeKindOf(form: string): PlaceKind {
  const k = placeKey(form);
  if (!k) return undefined;
  if (PLACES.has(k) || MULTI_PLACES.has(k) || /^us(a)?$|^uk$/.test(k)) return "country";
  const p = placeTable().get(k) ?? placeTable().get(form.toLowerCase().replace(/[’']s$/, ""));
  if (p && p.via !== "demonym") return "country";
  if (cityTable().has(k)) return "city";
  const sp = k.indexOf(" ");
  return sp > 0 && COMPASS.has(k.slice(0, sp)) ? placeKind(k.slice(sp + 1)) : undefined;
}

/** True when the form names a country, region, province or city that a gazetteer knows. */
export const isPlaceName = (form: string): boolean => placeKind(form) !== undefined;
