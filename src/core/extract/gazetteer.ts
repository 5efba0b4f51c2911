// Countries, their capitals and demonyms, from the world-countries dataset (ODbL data, MIT code):
// "Kyiv", "Ukrainian" and "Ukraine" all map to the topic "ukraine".
import countries from "world-countries";

export interface Place {
  /** Topic key: the common name, lower-case ("ukraine", "united states"). */
  key: string;
  name: string;
  /** "country" when the form names the country or its people, "capital" for its capital city. */
  via: "country" | "demonym" | "capital";
}

// Codes that are also ordinary words or too short to trust ("IN", "IT", "AS"); only these short forms count.
const SHORT_FORMS = new Set(["US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"]);

let table: Map<string, Place> | undefined;

/** Lower-case surface form -> place. Built once, on first use. */
export function placeTable(): Map<string, Place> {
  if (table) return table;
  const t = new Map<string, Place>();
  const add = (form: string, place: Place) => {
    const k = form.toLowerCase().replace(/[’']/g, "'");
    if (k.length >= 3 || SHORT_FORMS.has(form)) if (!t.has(k)) t.set(k, place);
  };
  // UN members first: where two entries share a form ("American"), the sovereign country keeps it.
  const ordered = [...countries].sort((a, b) => Number(b.unMember) - Number(a.unMember));
  for (const c of ordered) {
    const key = c.name.common.toLowerCase();
    const place = (via: Place["via"]): Place => ({ key, name: c.name.common, via });
    add(c.name.common, place("country"));
    add(c.name.official, place("country"));
    for (const alt of c.altSpellings) if (alt.length > 3 || SHORT_FORMS.has(alt)) add(alt, place("country"));
    const dem = c.demonyms?.eng;
    if (dem) {
      add(dem.m, place("demonym"));
      add(dem.f, place("demonym"));
    }
  }
  // Capitals after all country names, so a capital never hides a country ("Djibouti", "Mexico").
  for (const c of ordered) {
    for (const cap of c.capital ?? []) add(cap.replace(/\s+D\.C\.$/, ""), { key: c.name.common.toLowerCase(), name: c.name.common, via: "capital" });
  }
  // Forms the dataset lacks but news uses.
  const us = t.get("united states");
  if (us) for (const f of ["U.S.", "U.S", "America"]) add(f, { ...us, via: "country" });
  const uk = t.get("united kingdom");
  if (uk) for (const f of ["Britain", "British", "U.K."]) add(f, { ...uk, via: f === "British" ? "demonym" : "country" });
  const ua = t.get("ukraine");
  if (ua) add("Kiev", { ...ua, via: "capital" });
  table = t;
  return t;
}
