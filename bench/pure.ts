// Whether every card is a function of its article alone. Builds each article's card in stream order, as
// `briefbot card --jsonl` does, then again with the tagger made anew just before it, as a fresh process
// would, and counts the cards that differ (the first few ids are listed).
//   npm run bench -- pure [FILE.jsonl...]   (default: polnear_train and cnndm_frank250 in ../shared/eval)
// A wink-nlp instance reads its model for most of a second; to make one per article cheaply, the model's
// core is read once and each new instance is given its own copy of the parts wink writes to (the
// features' lists, and tables that add to the core's through their prototype). `--processes N` checks the
// first N articles against real fresh processes instead (a second or so each).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import model from "wink-eng-lite-web-model";
import { buildCard } from "../src/core/index.js";
import { renewTagger } from "../src/core/text/pos.js";
import { ROOT } from "./texts.js";

const DEFAULT_FILES = ["quotes/polnear_train.jsonl", "summaries/cnndm_frank250.jsonl"].map((f) => resolve(ROOT, "../shared/eval", f));

interface Feature {
  list?: unknown[];
  hash?: Record<string, number>;
}
type Core = { features: Record<string, Feature> } & Record<string, unknown>;

/** Hands every new wink instance a copy of one read of the model's core, so that making one costs little. */
function cheapFreshTaggers(): void {
  const m = model as unknown as { core: () => Core };
  const read = m.core.bind(m);
  let base: Core | undefined;
  m.core = () => {
    base ??= read();
    const features: Record<string, Feature> = {};
    for (const [name, f] of Object.entries(base.features)) {
      features[name] = { ...f, list: f.list?.slice(), hash: f.hash && (Object.create(f.hash) as Record<string, number>) };
    }
    return { ...base, features };
  };
}

function articles(file: string): { id: string; text: string }[] {
  return readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => {
    const r = JSON.parse(l) as { id: unknown; text?: string; input?: string };
    return { id: String(r.id), text: r.text ?? r.input ?? "" };
  });
}

const cardOf = (text: string) => JSON.stringify(buildCard({ text }));

export function pureBench(args: string[]): void {
  const n = Number(args[args.indexOf("--processes") + 1]);
  const processes = args.includes("--processes") ? n : 0;
  const files = args.filter((a) => a.endsWith(".jsonl"));
  cheapFreshTaggers();
  for (const file of files.length ? files : DEFAULT_FILES) {
    if (!existsSync(file)) {
      console.log(`pure: ${file} is missing, skipped`);
      continue;
    }
    const all = articles(file);
    renewTagger();
    const stream = all.map((a) => cardOf(a.text));
    const differ: string[] = [];
    const checked = processes ? Math.min(processes, all.length) : all.length;
    for (let i = 0; i < checked; i++) {
      const a = all[i]!;
      let alone: string;
      if (processes) {
        const line = execFileSync(process.execPath, [resolve(ROOT, "bin/briefbot.js"), "card", "--jsonl"], { input: JSON.stringify(a) + "\n", encoding: "utf8" });
        alone = JSON.stringify((JSON.parse(line) as { card: unknown }).card);
      } else {
        renewTagger();
        alone = cardOf(a.text);
      }
      if (alone !== stream[i]) differ.push(`${i + 1}:${a.id}`);
    }
    const how = processes ? "a fresh process" : "a fresh tagger";
    console.log(`pure: ${file.split("/").pop()}: ${differ.length} of ${checked} cards differ from the card built by ${how}${differ.length ? ` (${differ.slice(0, 8).join(", ")}${differ.length > 8 ? ", ..." : ""})` : ""}`);
  }
}
