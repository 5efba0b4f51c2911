// A corpus of any size from real-length news text read at run time (never stored in the repo):
// each article takes the sentences of one source article, mixes in a few from others, varies its
// numbers and splits it into paragraphs. Deterministic for a given index.
import { existsSync, readFileSync } from "node:fs";
import type { Article } from "../src/core/index.js";

export interface Source {
  title: string;
  sentences: string[];
}

/** mulberry32: a small seeded generator, so article i is the same in every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadSources(file: string): Source[] {
  if (!existsSync(file)) throw new Error(`${file} is absent: the bench needs real-length text (../shared/eval/summaries/cnndm_frank250.jsonl)`);
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text?: string; input?: string; title?: string | null; url_slug?: string })
    .map((r) => ({
      title: r.title ?? r.url_slug ?? "",
      sentences: (r.text ?? r.input ?? "").match(/[^.!?]+[.!?]+["”’]?\s*/g)?.map((s) => s.trim()) ?? [],
    }))
    .filter((s) => s.sentences.length >= 5);
}

export function makeArticle(sources: readonly Source[], i: number): Article {
  const r = rng(i + 1);
  const base = sources[i % sources.length]!;
  const other = sources[Math.floor(r() * sources.length)]!;
  const sentences = [...base.sentences];
  // Mix in a few sentences from another article, at random places.
  for (let k = 0; k < 3; k++) sentences.splice(1 + Math.floor(r() * (sentences.length - 1)), 0, other.sentences[Math.floor(r() * other.sentences.length)]!);
  // Vary the numbers so that figures and texts differ between articles.
  const varied = sentences.map((s) => s.replace(/\b\d{2,}\b/g, (n) => String(Math.max(1, Math.round(Number(n) * (0.5 + r()))))));
  const paras: string[] = [];
  for (let k = 0; k < varied.length; k += 3) paras.push(varied.slice(k, k + 3).join(" "));
  const day = 1 + (i % 28), month = 1 + (Math.floor(i / 28) % 12);
  return {
    title: `${base.title} (${i})`,
    text: `${paras.join("\n\n")}\n\nReport ${i}.`,
    url: `https://bench.example/${i}`,
    publishedAt: `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}T08:00:00Z`,
  };
}
