// Currencies: symbols, ISO codes and names before or after a number, mapped to ISO 4217.

export interface CurrencyHit {
  /** Offset where the currency text starts (prefix) or ends (suffix). */
  at: number;
  /** ISO 4217, when the currency is known ("USD"); undefined for "cents", "bitcoin". */
  iso: string | undefined;
  /** The unit to show: the ISO code, or the name for minor units ("cents"). */
  unit: string;
  /** "MUSD", "MEUR": the code carries a scale of a million. */
  scale: number;
  minor: boolean;
}

const SYMBOLS: Record<string, string> = {
  $: "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY", "₦": "NGN",
  "₱": "PHP", "₪": "ILS", "₫": "VND", "₴": "UAH", "₡": "CRC", "₾": "GEL", "₭": "LAK", "元": "CNY", "ரூ": "LKR",
};

// Letters written before "$" ("US$", "C $", "HK$").
const DOLLAR_PREFIX: Record<string, string> = {
  us: "USD", "u.s.": "USD", "u.s": "USD", usd: "USD", c: "CAD", ca: "CAD", cad: "CAD", a: "AUD", au: "AUD",
  aud: "AUD", hk: "HKD", nz: "NZD", nzd: "NZD", s: "SGD", sg: "SGD", mex: "MXN", mx: "MXN", mxn: "MXN",
  r: "BRL", nt: "TWD",
};

export const CODES = (
  "USD EUR GBP JPY CNY RMB INR CHF CAD AUD NZD HKD SGD SEK NOK DKK RUB UAH BRL MXN ZAR NGN KES EGP SAR AED " +
  "ILS KRW TWD THB IDR MYR PKR BDT LKR PLN CZK HUF ARS CLP QAR KWD"
).split(" ");
const CODE_SET = new Set(CODES);
const isoOfCode = (c: string) => (c.toUpperCase() === "RMB" ? "CNY" : c.toUpperCase());

// Currency names after a number, with the adjective that picks the country.
const NAMES: [RegExp, (adj: string) => string | undefined][] = [
  [/dollars?/, (a) => ({ australian: "AUD", canadian: "CAD", "hong kong": "HKD", "new zealand": "NZD", singapore: "SGD", taiwan: "TWD", taiwanese: "TWD", zimbabwe: "ZWL", zimbabwean: "ZWL" })[a] ?? "USD"],
  [/euros?/, () => "EUR"],
  [/pounds?(?: sterling)?|sterling/, (a) => (a === "egyptian" ? "EGP" : "GBP")],
  [/yen/, () => "JPY"],
  [/yuan|renminbi|rmb|kuai/, () => "CNY"],
  [/rupees?/, (a) => ({ pakistani: "PKR", "sri lankan": "LKR", nepalese: "NPR", nepali: "NPR" })[a] ?? "INR"],
  [/francs?/, (a) => ({ french: "FRF", belgian: "BEF", cfa: "XOF" })[a] ?? "CHF"],
  [/pesos?/, (a) => ({ mexican: "MXN", philippine: "PHP", argentine: "ARS", argentinian: "ARS", chilean: "CLP", colombian: "COP" })[a]],
  [/r(?:ou|u)bles?/, () => "RUB"],
  [/won/, () => "KRW"],
  [/rand/, () => "ZAR"],
  [/naira/, () => "NGN"],
  [/shekels?/, () => "ILS"],
  [/liras?|lire/, () => "TRY"],
  [/hryvnias?|hryvnia/, () => "UAH"],
  [/ringgit/, () => "MYR"],
  [/baht/, () => "THB"],
  [/rupiah/, () => "IDR"],
  [/dirhams?/, () => "AED"],
  [/riyals?/, () => "SAR"],
  [/kronor|kronas?|krona/, () => "SEK"],
  [/kroner|krone/, (a) => (a === "danish" ? "DKK" : "NOK")],
  [/zloty|zlotys/, () => "PLN"],
  [/reais/, () => "BRL"],
  [/markkaa?/, () => "FIM"],
  [/guilders?/, () => "NLG"],
  [/pesetas?/, () => "ESP"],
  [/taka/, () => "BDT"],
];
const ADJ =
  "us|u\\.s\\.?|american|australian|canadian|hong kong|new zealand|singapore|taiwan|taiwanese|zimbabwean?|egyptian|" +
  "pakistani|sri lankan|nepalese|nepali|indian|swiss|french|belgian|cfa|mexican|philippine|argentine|argentinian|" +
  "chilean|colombian|chinese|japanese|turkish|south african|brazilian|russian|finnish|dutch|danish|norwegian|swedish";
const NAME_ALT = "dollars?|euros?|pounds?(?: sterling)?|sterling|yen|yuan|renminbi|rmb|kuai|rupees?|francs?|pesos?|r(?:ou|u)bles?|won|rand|naira|shekels?|liras?|lire|hryvnias?|ringgit|baht|rupiah|dirhams?|riyals?|kronor|kronas?|krona|kroner|krone|zlotys?|reais|markkaa?|guilders?|pesetas?|taka";
const MINOR_ALT = "cents?|pence|penny|pennies|paise|kopecks?";
const CRYPTO_ALT = "bitcoins?|btc|satoshis?";

const SUFFIX = new RegExp(
  `(?:[ \\t\\u00a0]?-?)(?:(?:(${ADJ})[ \\t]+)?(${NAME_ALT}|${MINOR_ALT}|${CRYPTO_ALT})|(M?)(${CODES.join("|")})(?:\\$)?|([$£€¥₹₩₽₺₦₱₪₫₴₡₾₭元]|ரூ))(?![\\p{L}\\d])`,
  "iuy",
);

/** A currency right after a number ("million dollars", " USD", "€", "-yen"), read at `pos`. */
export function currencyAfter(text: string, pos: number): CurrencyHit | null {
  SUFFIX.lastIndex = pos;
  const m = SUFFIX.exec(text);
  if (!m) return null;
  const end = pos + m[0].length;
  if (m[2]) {
    const name = m[2].toLowerCase();
    const adj = (m[1] ?? "").toLowerCase().replace(/\.$/, "");
    if (new RegExp(`^(?:${MINOR_ALT})$`).test(name)) return { at: end, iso: undefined, unit: name, scale: 1, minor: true };
    if (new RegExp(`^(?:${CRYPTO_ALT})$`).test(name)) return { at: end, iso: undefined, unit: "bitcoin", scale: 1, minor: false };
    for (const [re, iso] of NAMES) {
      if (new RegExp(`^(?:${re.source})$`).test(name)) {
        const code = /^(us|u\.s|american)$/.test(adj) ? "USD" : iso(adj);
        return { at: end, iso: code, unit: code ?? name, scale: 1, minor: false };
      }
    }
    return null;
  }
  if (m[4]) {
    // Upper-case codes only when a lower-case word would read as English ("try").
    if (!CODE_SET.has(m[4].toUpperCase())) return null;
    if (m[3] && m[3] !== "M") return null;
    const iso = isoOfCode(m[4]);
    return { at: end, iso, unit: iso, scale: m[3] ? 1e6 : 1, minor: false };
  }
  const iso = SYMBOLS[m[5]!]!;
  return { at: end, iso, unit: iso, scale: 1, minor: false };
}

const PREFIX = new RegExp(
  `(?:(?<![\\p{L}])(?:(us|u\\.s\\.?|usd|ca|cad|au|aud|hk|nz|nzd|sg|mex|mx|mxn|nt|c)[ \\t]?|(a|s|r))\\$|` +
    `([$£€¥₹₩₽₺₦₱₪₫₴₡₾₭₿]|ரூ)|\\b(Rs\\.?|INR|M?(?:${CODES.join("|")})))[ \\t\\u00a0]?$`,
  "iu",
);

/** A currency written right before `pos` ("$", "US$ ", "Rs. ", "EUR ", "MAUD "), or null. */
export function currencyBefore(text: string, pos: number): CurrencyHit | null {
  const from = Math.max(0, pos - 8);
  const m = PREFIX.exec(text.slice(from, pos));
  if (!m) return null;
  const at = from + m.index;
  const letters = (m[1] ?? m[2] ?? "").toLowerCase();
  if (letters) {
    const iso = DOLLAR_PREFIX[letters] ?? "USD";
    return { at, iso, unit: iso, scale: 1, minor: false };
  }
  if (m[3]) {
    if (m[3] === "₿") return { at, iso: undefined, unit: "bitcoin", scale: 1, minor: false };
    const iso = SYMBOLS[m[3]]!;
    return { at, iso, unit: iso, scale: 1, minor: false };
  }
  const code = m[4]!.replace(/\.$/, "");
  if (/^(rs|inr)$/i.test(code)) return { at, iso: "INR", unit: "INR", scale: 1, minor: false };
  const scaled = code.length === 4 && /^m/i.test(code);
  const bare = scaled ? code.slice(1) : code;
  if (!CODE_SET.has(bare.toUpperCase())) return null;
  const iso = isoOfCode(bare);
  return { at, iso, unit: iso, scale: scaled ? 1e6 : 1, minor: false };
}
