// A one-line progress bar for long runs on a terminal; silent elsewhere (logs, pipes).
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(s: string): unknown;
}

export interface Progress {
  update(done: number, total: number | undefined, label: string): void;
  end(): void;
}

export function createProgress(stream: ProgressStream, minIntervalMs = 100, now: () => number = () => 0): Progress {
  if (!stream.isTTY) return { update() {}, end() {} };
  let last = -Infinity, drawn = false;
  return {
    update(done, total, label) {
      const t = now();
      if (t - last < minIntervalMs && done !== total) return;
      last = t;
      const width = Math.max(20, (stream.columns ?? 80) - 1);
      const bar = total ? `[${"#".repeat(Math.round((20 * done) / total)).padEnd(20, ".")}] ${done}/${total}` : `${done}`;
      const line = `${bar} ${label}`;
      stream.write(`\r${line.length > width ? line.slice(0, width - 1) + "…" : line.padEnd(width)}`);
      drawn = true;
    },
    end() {
      if (drawn) stream.write("\r\x1b[K");
    },
  };
}
