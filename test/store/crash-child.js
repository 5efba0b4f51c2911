// Child process for crash.test.ts: ingests articles into a SQLite store and prints "ack <id>" after
// each put has returned, until it is killed. Loads our TypeScript through ../helpers/register-ts.js
// (a loader for this process only; the test itself patches nothing).
"use strict";
require("../helpers/register-ts.js");

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
