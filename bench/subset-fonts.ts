// npm run build && node dist/bench/subset-fonts.js: writes assets/fonts/DejaVuSans{,-Bold}-Latin.ttf,
// the chart fonts cut down to LATIN_SUBSET (src/render/chart/fonts.ts says why). subset-font is
// harfbuzz's hb-subset in wasm; it keeps the outlines and the kerning of the glyphs it keeps, so a chart
// drawn with the subset has the same pixels as with the full font (test/render/chart.test.ts checks).
// The output is the same bytes on every run.
import { createRequire } from "node:module";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { fullFontPath, LATIN_SUBSET, SUBSET_FILES, subsetFontPath } from "../src/render/chart/fonts.js";

const requireHere = createRequire(__filename);
const subsetFont = requireHere("subset-font") as (font: Buffer, text: string, options: { targetFormat: "truetype" }) => Promise<Buffer>;

const text = LATIN_SUBSET.map(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i)).join("")).join("");

async function main(): Promise<void> {
  for (const file of Object.keys(SUBSET_FILES) as Array<keyof typeof SUBSET_FILES>) {
    const full = readFileSync(fullFontPath(file));
    const subset = await subsetFont(full, text, { targetFormat: "truetype" });
    mkdirSync(dirname(subsetFontPath(file)), { recursive: true });
    writeFileSync(subsetFontPath(file), subset);
    console.log(`${file}: ${full.length} -> ${subset.length} bytes, ${subsetFontPath(file)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
