// The card worker from TypeScript sources, for tests (dist/ has the compiled card-worker.js).
"use strict";
require("../helpers/register-ts.js");
require("../../src/ingest/card-worker.ts");
