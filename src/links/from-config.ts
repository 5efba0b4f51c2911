// The link briefer as the configuration asks: the guard with `links.allow`, the limits, and the
// feeds' time and size limits (one set of fetch limits for everything briefbot fetches).
import type { Config } from "../config/index.js";
import { createUrlGuard, systemResolve, type Resolve } from "../ingest/index.js";
import type { BriefingStore } from "../store/index.js";
import { createLinkBriefer, type LinkAsker, type LinkBrieferOptions } from "./briefer.js";
import { createLinkLimiter } from "./limit.js";

export interface WiredLinks {
  links: LinkAsker;
  close(): Promise<void>;
}

export function linksFromConfig(
  config: Pick<Config, "links" | "feeds">,
  store: BriefingStore,
  now: () => number,
  more: { resolve?: Resolve; onProblem?: LinkBrieferOptions["onProblem"] } = {},
): WiredLinks {
  const guard = createUrlGuard({ allow: config.links.allow, resolve: more.resolve ?? systemResolve });
  const limiter = createLinkLimiter(config.links, now);
  const fetch = { timeoutMs: config.feeds.timeoutSeconds * 1000, maxBytes: config.feeds.maxBytes, ...(config.feeds.userAgent ? { userAgent: config.feeds.userAgent } : {}) };
  const links = createLinkBriefer({ store, now, guard, limiter, fetch, ...(more.onProblem ? { onProblem: more.onProblem } : {}) });
  return { links, close: () => guard.close() };
}
