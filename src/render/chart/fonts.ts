// The chart's fonts: DejaVu Sans, loaded by path with no system fonts, so a chart is the same on a bare
// machine, a laptop and in Docker.
//
// resvg-js 2.6 (fontdb 0.14, no memory map) reads a font's whole file again for each glyph it shapes
// or outlines: about 420 reads of the 750 KB DejaVu Sans per 50-point chart, a third of the chart's
// time. So charts whose text is all Latin (nearly all) get a Latin subset of the same fonts
// (assets/fonts, made by bench/subset-fonts.ts; 64 KB), with the same outlines and kerning, hence the
// same pixels. A chart with any other character gets the full fonts: fontdb would fall back from the
// subset to a full face per character but loses the bold weight on the way.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { ResvgRenderOptions } from "@resvg/resvg-js";

/** What the subset holds: Basic Latin, Latin-1, Latin Extended-A, General Punctuation, Currency
 * Symbols, TRADE MARK SIGN, and the MINUS SIGN that d3-format writes before negative numbers. */
export const LATIN_SUBSET: ReadonlyArray<readonly [number, number]> = [[0x20, 0x7e], [0xa0, 0x17f], [0x2000, 0x206f], [0x20a0, 0x20c0], [0x2122, 0x2122], [0x2212, 0x2212]];
export const SUBSET_FILES = { "DejaVuSans.ttf": "DejaVuSans-Latin.ttf", "DejaVuSans-Bold.ttf": "DejaVuSans-Bold-Latin.ttf" } as const;

const FAMILY = "DejaVu Sans";
const requireHere = createRequire(__filename);
// Printable ASCII and the whitespace between tags are in the subset; anything else is looked up.
const NOT_ASCII = /[^\t\n\r\x20-\x7e]/gu;

/** True when the subset has a glyph for every character of the SVG (markup and text alike). */
export function coveredBySubset(svg: string): boolean {
  for (const [ch] of svg.matchAll(NOT_ASCII)) {
    const c = ch.codePointAt(0)!;
    if (!LATIN_SUBSET.some(([a, b]) => c >= a && c <= b)) return false;
  }
  return true;
}

/** The folder holding package.json: src/render/chart under jest, dist/src/render/chart when built. */
function packageRoot(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) return __dirname;
  }
}

export const fullFontPath = (file: keyof typeof SUBSET_FILES): string => requireHere.resolve(`dejavu-fonts-ttf/ttf/${file}`);
export const subsetFontPath = (file: keyof typeof SUBSET_FILES): string => join(packageRoot(), "assets", "fonts", SUBSET_FILES[file]);

type FontOptions = NonNullable<ResvgRenderOptions["font"]>;
const options = (fontFiles: string[]): FontOptions => ({ loadSystemFonts: false, fontFiles, defaultFontFamily: FAMILY, sansSerifFamily: FAMILY });
const FILES = Object.keys(SUBSET_FILES) as Array<keyof typeof SUBSET_FILES>;

// Found on the first chart, not at import. Without the subset files (a copy of the package that left
// out assets/) every chart takes the full fonts: slower, the same image.
let cached: { full: FontOptions; subset: FontOptions } | undefined;

/** The font options for resvg to draw this SVG with. */
export function fontsFor(svg: string): FontOptions {
  cached ??= (() => {
    const full = options(FILES.map(fullFontPath));
    const subsets = FILES.map(subsetFontPath);
    return { full, subset: subsets.every((f) => existsSync(f)) ? options(subsets) : full };
  })();
  return coveredBySubset(svg) ? cached.subset : cached.full;
}
