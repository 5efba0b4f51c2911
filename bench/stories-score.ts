// Scores story grouping and disagreement flags on the evaluation set in test/fixtures/stories
// (written for the project; format in its README.md). Articles are fed in time order, as feeds would.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { buildCard, createStoryGrouper, storyFeatures, storyFlags, DEFAULT_STORY_OPTIONS, type StoryFlag, type StoryOptions } from "../src/core/index.js";

export interface EvalArticle {
  id: string;
  story: string;
  outlet: string;
  at: string;
  title: string;
  text: string;
}

export interface EvalSet {
  articles: EvalArticle[];
  /** "kind|a|b" with a < b. */
  flags: Set<string>;
  /** "a|b" with a < b. */
  updates: Set<string>;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function parseEvalSet(dir: string): EvalSet {
  const set: EvalSet = { articles: [], flags: new Set(), updates: new Set() };
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt")).sort()) {
    let story = "";
    let cur: EvalArticle | undefined;
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      const m = /^@(\w+)\s+(.*)$/.exec(line);
      if (m) {
        const [, tag, rest] = m as unknown as [string, string, string];
        const parts = rest.trim().split(/\s+/);
        if (tag === "story") story = rest.trim();
        else if (tag === "flag") set.flags.add(`${parts[0]}|${pairKey(parts[1]!, parts[2]!)}`);
        else if (tag === "update") set.updates.add(pairKey(parts[0]!, parts[1]!));
        else if (tag === "article") {
          const [id, outlet, at] = rest.split("|").map((s) => s.trim()) as [string, string, string];
          cur = { id, story, outlet, at, title: "", text: "" };
          set.articles.push(cur);
        } else throw new Error(`${file}: unknown tag @${tag}`);
      } else if (cur && line.startsWith("# ") && !cur.title) cur.title = line.slice(2).trim();
      else if (cur && line.trim()) cur.text += (cur.text ? "\n\n" : "") + line.trim();
    }
  }
  return set;
}

export interface StoriesScore {
  articles: number;
  stories: number;
  predictedStories: number;
  pairwise: { p: number; r: number; f1: number };
  bcubed: { p: number; r: number; f1: number };
  flags: { p: number; r: number; predicted: number; gold: number; misses: string[]; wrong: string[] };
  updatesFlagged: number;
  /** Wrongly joined / split articles, for looking at misses. */
  errors: string[];
}

const f1 = (p: number, r: number) => (p + r ? (2 * p * r) / (p + r) : 0);

export function scoreStories(set: EvalSet, options: Partial<StoryOptions> = {}): StoriesScore {
  const opts = { ...DEFAULT_STORY_OPTIONS, ...options };
  const ordered = [...set.articles].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const grouper = createStoryGrouper(opts);
  const predicted = new Map<string, string>();
  const byCard = new Map<string, EvalArticle>();
  for (const a of ordered) {
    const card = buildCard({ text: a.text, title: a.title, publisher: a.outlet, publishedAt: a.at });
    byCard.set(card.id, a);
    const f = { ...storyFeatures(card, Date.parse(a.at)), id: a.id };
    predicted.set(a.id, grouper.add(f).id);
  }
  const gold = new Map(set.articles.map((a) => [a.id, a.story]));
  const ids = set.articles.map((a) => a.id);
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const g = gold.get(ids[i]!) === gold.get(ids[j]!);
      const p = predicted.get(ids[i]!) === predicted.get(ids[j]!);
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
  let bp = 0, br = 0;
  for (const id of ids) {
    const sameP = ids.filter((x) => predicted.get(x) === predicted.get(id));
    const sameG = ids.filter((x) => gold.get(x) === gold.get(id));
    const both = sameP.filter((x) => gold.get(x) === gold.get(id)).length;
    bp += both / sameP.length;
    br += both / sameG.length;
  }
  bp /= ids.length;
  br /= ids.length;
  const flags: StoryFlag[] = [...grouper.stories()].flatMap((s) => storyFlags(s.members, opts));
  const got = new Set(flags.map((f) => `${f.kind}|${pairKey(f.articles[0], f.articles[1])}`));
  const right = [...got].filter((k) => set.flags.has(k));
  const updatesFlagged = flags.filter((f) => f.kind === "figure" && set.updates.has(pairKey(f.articles[0], f.articles[1]))).length;
  const errors: string[] = [];
  for (const s of grouper.stories()) {
    const stories = new Set(s.members.map((m) => gold.get(m.id)));
    if (stories.size > 1) errors.push(`joined: ${s.members.map((m) => m.id).join(", ")}`);
  }
  const goldStories = new Set(gold.values());
  for (const g of goldStories) {
    const ps = new Set(ids.filter((x) => gold.get(x) === g).map((x) => predicted.get(x)));
    if (ps.size > 1) errors.push(`split: ${g} into ${ps.size}`);
  }
  const describe = (f: StoryFlag) => `${f.kind} ${f.articles.join(" ")} ${f.what}: ${f.values.join(" vs ")}`;
  return {
    articles: ids.length,
    stories: goldStories.size,
    predictedStories: new Set(predicted.values()).size,
    pairwise: { p: tp / (tp + fp || 1), r: tp / (tp + fn || 1), f1: f1(tp / (tp + fp || 1), tp / (tp + fn || 1)) },
    bcubed: { p: bp, r: br, f1: f1(bp, br) },
    flags: {
      p: got.size ? right.length / got.size : 1,
      r: set.flags.size ? right.length / set.flags.size : 1,
      predicted: got.size,
      gold: set.flags.size,
      misses: [...set.flags].filter((k) => !got.has(k)),
      wrong: flags.filter((f) => !set.flags.has(`${f.kind}|${pairKey(f.articles[0], f.articles[1])}`)).map(describe),
    },
    updatesFlagged,
    errors,
  };
}
