// Child process for crash.test.ts: ingests articles into a SQLite store and prints "ack <id>" after
// each put has returned, until it is killed. Loads our TypeScript through @swc/core (a loader for
// this process only; the test itself patches nothing).
"use strict";
const fs = require("node:fs");
const Module = require("node:module");
const swc = require("@swc/core");

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (err) {
    if (request.startsWith(".") && request.endsWith(".js")) return resolve.call(this, request.slice(0, -3) + ".ts", parent, ...rest);
    throw err;
  }
};
require.extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), {
    filename,
    jsc: { parser: { syntax: "typescript" }, target: "es2022" },
    module: { type: "commonjs" },
  });
  module._compile(code, filename);
};

const { buildCard } = require("../../src/core/index.ts");
const { openSqliteStore } = require("../../src/store/index.ts");

const [path] = process.argv.slice(2);
const store = openSqliteStore(path);
const towns = ["Merrow", "Vell", "Ashby", "Corran", "Dunmere", "Hollin"];
(async () => {
  for (let i = 0; ; i++) {
    const town = towns[i % towns.length];
    const text =
      `Council of ${town} approves plan number ${i}\n\n` +
      `The council of ${town} approved plan ${i} on Monday, spending ${1000 + i} pounds on new benches.\n\n` +
      `"Plan ${i} is the one we have waited for," said councillor Ada Brook of ${town}.\n\n` +
      `Work on plan ${i} starts in ${2027 + (i % 3)}, and ${30 + (i % 50)} workers will be hired.`;
    const article = { text, url: `https://example.org/${town.toLowerCase()}/${i}` };
    const { id } = await store.put(article, buildCard(article), Date.now());
    process.stdout.write(`ack ${id}\n`);
  }
})();
