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
// Output into a closed pipe (`briefbot card X | head -1`): the reader has what it wanted; stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (err) => {
    if (err && err.code === "EPIPE") process.exit(process.exitCode || 0);
    throw err;
  });
}
main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => {
    // A failure nobody foresaw: one line; the stack trace only at LOG_LEVEL=debug.
    const debug = /^(debug|trace)$/i.test(process.env.LOG_LEVEL || "");
    const text = debug && err && err.stack ? err.stack : `${err && err.message ? err.message : err}${debug ? "" : " (LOG_LEVEL=debug shows where)"}`;
    process.stderr.write(`briefbot: ${text}\n`);
    process.exitCode = 1;
  },
);
