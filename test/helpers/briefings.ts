// The sample articles shipped in briefings/: tests that start the bot on them count them here, so
// adding a sample changes no test.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const BRIEFINGS_DIR = resolve(__dirname, "../../briefings");
export const SAMPLE_FILES = readdirSync(BRIEFINGS_DIR).filter((f) => /\.(md|txt|html?)$/i.test(f)).map((f) => join(BRIEFINGS_DIR, f));
export const SAMPLES = SAMPLE_FILES.length;
