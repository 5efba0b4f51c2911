// What a stretch of code allocates, sampled by V8's heap profiler (one sample every 512 bytes on
// average, so the figures are estimates): all of it, or only what outlived a scavenge ("kept": the
// samples the young generation's collections took away are left out). A scavenge costs what it keeps,
// so "kept" points at what makes the collector slow, "all" at what makes it run often.
import { Session } from "node:inspector/promises";

export type AllocKind = "all" | "kept";

export interface AllocSample {
  bytes: number;
  /** Bytes by the function that allocated them ("name file:line"), largest first. */
  byFunction: Array<[string, number]>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children: ProfileNode[];
}

/** Starts sampling; the function returned stops it and tells what was allocated since. */
export async function sampleAllocations(kind: AllocKind): Promise<() => Promise<AllocSample>> {
  const session = new Session();
  session.connect();
  await session.post("HeapProfiler.enable");
  // The two options are V8's, missing from Node's types.
  const params = { samplingInterval: 512, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: kind === "all" };
  await session.post("HeapProfiler.startSampling", params as { samplingInterval: number });
  return async () => {
    const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as {
      profile: { head: ProfileNode; samples: Array<{ nodeId: number; size: number }> };
    };
    session.disconnect();
    const nodes = new Map<number, ProfileNode>();
    const visit = (n: ProfileNode) => {
      nodes.set(n.id, n);
      for (const c of n.children) visit(c);
    };
    visit(profile.head);
    const by = new Map<string, number>();
    let bytes = 0;
    for (const s of profile.samples) {
      bytes += s.size;
      // V8 may report a sample whose node is not in the tree it returns: counted, under no function.
      const f = nodes.get(s.nodeId)?.callFrame;
      const key = f ? `${f.functionName || "(anonymous)"} ${f.url.replace(/^.*\/(dist|node_modules)\//, "")}:${f.lineNumber + 1}` : "(no function)";
      by.set(key, (by.get(key) ?? 0) + s.size);
    }
    return { bytes, byFunction: [...by].sort((a, b) => b[1] - a[1]) };
  };
}
