import { parseStoreSpec } from "../../src/store/index.js";

describe("parseStoreSpec", () => {
  test.each([
    [undefined, { kind: "sqlite", path: "data/briefbot.db" }],
    ["", { kind: "sqlite", path: "data/briefbot.db" }],
    ["memory", { kind: "memory" }],
    ["/tmp/x.db", { kind: "sqlite", path: "/tmp/x.db" }],
    ["sqlite:data/b.db", { kind: "sqlite", path: "data/b.db" }],
    ["file:///tmp/c.db", { kind: "sqlite", path: "/tmp/c.db" }],
    ["postgres://u@h:5432/db", { kind: "postgres", url: "postgres://u@h:5432/db" }],
    ["postgresql://h/db?schema=news&sslmode=disable", { kind: "postgres", url: "postgresql://h/db?sslmode=disable", schema: "news" }],
  ])("%s", (spec, want) => {
    expect(parseStoreSpec(spec)).toEqual(want);
  });
});
