// Number words, scales and fraction denominators: the vocabulary the number parser reads.

// Tables without a prototype, so that a word such as "constructor" is not found in them.
const table = (o: Record<string, number>): Record<string, number> => Object.assign(Object.create(null) as Record<string, number>, o);

/** zero..nineteen: values below twenty, written as one word. */
export const SMALL: Record<string, number> = table({
  zero: 0, nought: 0, naught: 0, nil: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8,
  nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
});

export const TENS: Record<string, number> = table({
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
});

/** Scale words that multiply what came before them ("3 lakh", "2.8 million"). */
export const SCALES: Record<string, number> = table({
  thousand: 1e3, thousands: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9,
  trillion: 1e12, trillions: 1e12, lakh: 1e5, lakhs: 1e5, lac: 1e5, lacs: 1e5, crore: 1e7, crores: 1e7,
});

/** A number written as a word, of any case: "nine", "Forty", "thousands", "crore", "dozens" (ordinals aside). */
export function isCardinalWord(word: string): boolean {
  const w = word.toLowerCase();
  return w in SMALL || w in TENS || w in SCALES || /^(?:hundred|dozen)s?$/.test(w);
}

/** Abbreviated scales, read only right after a number ("$2.3bn", "10k", "US$ 1MM"). */
export const SCALE_ABBR: Record<string, number> = table({
  k: 1e3, K: 1e3, m: 1e6, M: 1e6, mn: 1e6, mln: 1e6, mil: 1e6, MM: 1e6, mm: 1e6,
  b: 1e9, B: 1e9, bn: 1e9, bln: 1e9, tn: 1e12, tln: 1e12, trn: 1e12,
});

const ORDINAL_SMALL: Record<string, number> = table({
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19,
});
const ORDINAL_TENS: Record<string, number> = table({
  twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60, seventieth: 70, eightieth: 80, ninetieth: 90,
});
const ORDINAL_SCALES: Record<string, number> = table({
  hundredth: 100, thousandth: 1e3, millionth: 1e6, billionth: 1e9, trillionth: 1e12,
});

/** The value of an ordinal word ("fifth" 5, "twenty-first" 21, "hundredth" 100), plural or not. */
export function ordinalValue(word: string): number | undefined {
  const w = word.toLowerCase().replace(/s$/, "");
  const direct = ORDINAL_SMALL[w] ?? ORDINAL_TENS[w] ?? ORDINAL_SCALES[w];
  if (direct !== undefined) return direct;
  const m = /^([a-z]+)[- ]?([a-z]+)$/.exec(w);
  if (m && TENS[m[1]!] !== undefined && ORDINAL_SMALL[m[2]!] !== undefined && ORDINAL_SMALL[m[2]!]! < 10) {
    return TENS[m[1]!]! + ORDINAL_SMALL[m[2]!]!;
  }
  return undefined;
}

/** Ordinals that can name a fraction's denominator ("two thirds"); "first" and "second" cannot. */
export function denominatorValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w === "half" || w === "halves") return 2;
  if (w === "quarter" || w === "quarters") return 4;
  if (w === "first" || w === "second" || w === "seconds") return undefined;
  return ordinalValue(w);
}

/** Unicode vulgar fractions. */
export const VULGAR: Record<string, number> = table({
  "½": 1 / 2, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 1 / 4, "¾": 3 / 4, "⅕": 1 / 5, "⅖": 2 / 5, "⅗": 3 / 5, "⅘": 4 / 5,
  "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 1 / 8, "⅜": 3 / 8, "⅝": 5 / 8, "⅞": 7 / 8,
});

export const MONTHS = new Set(
  ("january february march april may june july august september october november december " +
    "jan feb mar apr jun jul aug sep sept oct nov dec").split(" "),
);

/** Words after which a number is a label, not a quantity ("page 12", "Article 5", "Flight 370"). */
export const LABELS = new Set(
  ("page pages p pp article articles section sections chapter chapters no nos nr nrs number room route flight " +
    "resolution item items exercise exercises version level phase grade category table figure fig episode season " +
    "round act paragraph clause stage step platform gate terminal lane highway interstate channel line block " +
    "sector zone ward district unit apollo boeing airbus ftse nikkei cac stoxx windows iphone galaxy model type tier class division " +
    "bus car squad vol volume issue part verse psalm amendment bill proposition prop question").split(" "),
);
