// Preloaded into the bot by the memory bench (node --require): on SIGUSR2 it writes the process's
// memory figures to the file named in BRIEFBOT_MEMORY_PROBE. The bot itself is unchanged.
import { writeFileSync } from "node:fs";
import { getHeapStatistics } from "node:v8";

const out = process.env.BRIEFBOT_MEMORY_PROBE;
if (out) {
  process.on("SIGUSR2", () => {
    const m = process.memoryUsage();
    const h = getHeapStatistics();
    writeFileSync(
      out,
      JSON.stringify({
        rss: m.rss,
        heapTotal: m.heapTotal,
        heapUsed: m.heapUsed,
        external: m.external,
        arrayBuffers: m.arrayBuffers,
        mallocedMemory: h.malloced_memory,
        peakMallocedMemory: h.peak_malloced_memory,
        maxRss: process.resourceUsage().maxRSS * 1024,
        modules: Object.keys(require.cache).length,
      }),
    );
  });
}
