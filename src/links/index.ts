// Links pasted in chat -> cards, safely: the SSRF guard (ingest/guard.ts), limits, the store.
export { createLinkBriefer } from "./briefer.js";
export type { LinkAnswer, LinkAsker, LinkBrieferOptions, LinkProblem } from "./briefer.js";
export { linksConfigSchema, type LinksConfig } from "./config.js";
export { linksFromConfig, type WiredLinks } from "./from-config.js";
export { createLinkLimiter, type LimitVerdict, type LinkLimiter, type LinkLimits } from "./limit.js";
export { asLink, findLinks, MAX_LINKS_PER_MESSAGE } from "./urls.js";
