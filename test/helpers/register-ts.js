// Lets a child process or worker thread started by a test load our TypeScript sources: compiles
// .ts files with @swc/core on require, and maps the ".js" import suffixes to ".ts".
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
