#!/usr/bin/env node
"use strict";
// The built CLI; `npm run build` writes dist/.
let main;
try {
  main = require("../dist/src/cli/index.js").main;
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && String(err.message).includes("dist/src/cli")) {
    process.stderr.write("briefbot: not built yet; run `npm run build` first\n");
    process.exit(1);
  }
  throw err;
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`briefbot: ${err && err.stack ? err.stack : err}\n`); process.exitCode = 1; },
);
