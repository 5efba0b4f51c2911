// Vega-Lite spec -> Vega -> SVG, compiled once per chart layout rather than once per chart.
// Compiling (vega-lite) and parsing (vega) cost more than drawing, and neither depends on the series:
// only the data and three texts (title, subtitle, y-axis title) do. So the spec is compiled with the
// data as a named data set and the texts as placeholders that become Vega signals; each chart then
// binds its own points and texts to a new View of the cached dataflow. The SVG is the same, character
// for character, as compiling the whole spec each time (test/render/chart.test.ts checks it).
import type { TrendSeries } from "../../trends/index.js";
import { trendSpec, type ChartOptions } from "./spec.js";

// vega and vega-lite are ES modules (vega-canvas awaits an optional `canvas` at load): imported
// once, on the first chart, not at start-up.
type Libs = { vega: typeof import("vega"); vegaLite: typeof import("vega-lite") };
let libs: Promise<Libs> | undefined;
export const loadVega = (): Promise<Libs> =>
  (libs ??= Promise.all([import("vega"), import("vega-lite")]).then(([vega, vegaLite]) => ({ vega, vegaLite })));

type Runtime = ReturnType<Libs["vega"]["parse"]>;
type VegaLiteSpec = Parameters<Libs["vegaLite"]["compile"]>[0];
type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

const DATA = "points";
// A placeholder no title can contain (U+2063 INVISIBLE SEPARATOR), replaced by a signal after compiling.
const SLOT = "\u2063slot:";
const SIGNALS = { title: "chart_title", subtitle: "chart_subtitle", yTitle: "chart_y_title" } as const;

interface Template {
  /** The spec without its data and texts: equal templates compile to the same dataflow. */
  spec: Record<string, unknown>;
  values: unknown[];
  texts: Record<string, string>;
}

/** Splits a trend's spec into what is constant for its layout and what changes with each series. */
function template(t: TrendSeries, options: Partial<ChartOptions>): Template {
  const spec = trendSpec(t, options) as {
    data: { values: unknown[] };
    title: { text: string; subtitle: string };
    encoding: { y: { title: string } };
  } & Record<string, unknown>;
  return {
    spec: {
      ...spec,
      data: { name: DATA },
      title: { ...spec.title, text: SLOT + SIGNALS.title, subtitle: SLOT + SIGNALS.subtitle },
      encoding: { ...spec.encoding, y: { ...spec.encoding.y, title: SLOT + SIGNALS.yTitle } },
    },
    values: spec.data.values,
    texts: { [SIGNALS.title]: spec.title.text, [SIGNALS.subtitle]: spec.title.subtitle, [SIGNALS.yTitle]: spec.encoding.y.title },
  };
}

const EXPRESSION_KEYS = new Set(["signal", "update", "expr"]);
const IN_EXPRESSION = new RegExp(`${SLOT}(${Object.values(SIGNALS).join("|")})`, "g");

/**
 * Every placeholder in the compiled Vega spec becomes its signal: a whole string becomes a signal
 * reference; inside an expression's double-quoted string (vega-lite builds each mark's aria
 * description as `"...; " + "people" + ": " + ...`) the literal is split around the signal's name.
 */
function toSignals(node: Json, key = ""): Json {
  if (typeof node === "string") {
    if (node.startsWith(SLOT) && Object.values<string>(SIGNALS).includes(node.slice(SLOT.length))) return { signal: node.slice(SLOT.length) };
    if (!EXPRESSION_KEYS.has(key)) return node;
    return node.replace(/"(?:[^"\\]|\\.)*"/g, (literal) => literal.replace(IN_EXPRESSION, '" + $1 + "'));
  }
  if (Array.isArray(node)) return node.map((v) => toSignals(v));
  if (node && typeof node === "object") return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, toSignals(v, k)]));
  return node;
}

// Layouts vary only with the options, the number format (millions or not) and the date ticks (a few
// shapes), so a handful of entries covers every chart; the bound is there for odd options.
const MAX_LAYOUTS = 16;
const layouts = new Map<string, Runtime | undefined>();

/**
 * The parsed dataflow for a layout, or undefined where a placeholder survived somewhere this module
 * does not know how to bind (a future vega-lite quoting differently): that chart is compiled whole.
 */
function runtimeFor(key: string, spec: Record<string, unknown>, { vega, vegaLite }: Libs): Runtime | undefined {
  if (layouts.has(key)) return layouts.get(key);
  const compiled = toSignals(vegaLite.compile(spec as unknown as VegaLiteSpec).spec as unknown as Json) as Record<string, Json>;
  const bound = !JSON.stringify(compiled).includes(SLOT);
  const signals = Object.values(SIGNALS).map((name) => ({ name, value: "" }));
  compiled["signals"] = [...signals, ...((compiled["signals"] as Json[] | undefined) ?? [])];
  const runtime = bound ? vega.parse(compiled as unknown as Parameters<Libs["vega"]["parse"]>[0]) : undefined;
  if (layouts.size >= MAX_LAYOUTS) layouts.delete(layouts.keys().next().value!);
  layouts.set(key, runtime);
  return runtime;
}

async function render(view: import("vega").View): Promise<string> {
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart's SVG (vega's own renderer, no canvas: text is measured by its estimates, the same everywhere). */
export async function trendSvg(t: TrendSeries, options: Partial<ChartOptions> = {}): Promise<string> {
  const libs = await loadVega();
  const { spec, values, texts } = template(t, options);
  const runtime = runtimeFor(JSON.stringify(spec), spec, libs);
  if (!runtime) return render(new libs.vega.View(libs.vega.parse(libs.vegaLite.compile(trendSpec(t, options) as unknown as VegaLiteSpec).spec), { renderer: "none" }));
  const view = new libs.vega.View(runtime, { renderer: "none" }).data(DATA, values);
  for (const [name, value] of Object.entries(texts)) view.signal(name, value);
  return render(view);
}
