// Every Slack Block Kit limit briefbot meets, in one place. Renderers build freely; `fitMessage` brings the
// result within the limits (shortening at a word with an ellipsis) and `checkMessage` names any breach.
import type { Block, ButtonElement, SlackMessage, TextObject } from "./blocks.js";

export const SLACK_LIMITS = {
  /** Slack: a message holds at most 50 blocks. */
  blocks: 50,
  /** Slack: a section's text is at most 3000 characters. */
  sectionText: 3000,
  /** Slack: a header's plain_text is at most 150 characters. */
  headerText: 150,
  /** Slack: a section holds at most 10 fields of at most 2000 characters each. */
  fields: 10,
  fieldText: 2000,
  /** Slack: a context block holds at most 10 elements; a text object is at most 3000 characters. */
  contextElements: 10,
  contextText: 3000,
  /** Slack: an actions block holds at most 25 elements. */
  actionsElements: 25,
  /** Slack: a button's text is at most 75 characters, its value 2000, its action_id 255. */
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  /** Slack: block_id is at most 255 characters. */
  blockId: 255,
  /** Slack advises top-level `text` under 4000 characters (it truncates far later, at 40000). */
  fallbackText: 4000,
} as const;

export const ELLIPSIS = "…";

let graphemes: Intl.Segmenter | undefined;

/** The last grapheme boundary at or before `at`, so a cut never splits a character, emoji or accent. */
function graphemeBoundary(s: string, at: number): number {
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  const start = Math.max(0, at - 64);
  let best = start;
  for (const seg of graphemes.segment(s.slice(start, Math.min(s.length, at + 64)))) {
    const end = start + seg.index + seg.segment.length;
    if (end > at) break;
    best = end;
  }
  // At a window start that is not the string start, the boundary is unknown: fall back to code points.
  if (best === start && start > 0) {
    const c = s.charCodeAt(at - 1);
    return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
  }
  return best;
}

/** Moves `cut` left out of an entity (`&amp;`) or markup (`<url|label>`) it would split. */
function markupBoundary(s: string, cut: number): number {
  const amp = s.lastIndexOf("&", cut - 1);
  if (amp >= 0 && /^&(?:amp|lt|gt);/.test(s.slice(amp, amp + 5)) && s.indexOf(";", amp) >= cut) cut = amp;
  const open = s.lastIndexOf("<", cut - 1);
  if (open >= 0 && s.lastIndexOf(">", cut - 1) < open) cut = open;
  return cut;
}

/**
 * Shortens already-escaped Slack text to at most `max` UTF-16 units (never fewer characters than Slack
 * counts), ending with an ellipsis: at a word when one ends in the last half, never inside a character,
 * an `&amp;`-style escape or `<...>` markup.
 */
export function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const room = max - ELLIPSIS.length;
  let cut = room;
  if (!/\s/.test(s[cut] ?? "")) {
    const space = s.slice(0, cut).search(/\s\S*$/);
    if (space >= room / 2) cut = space;
  }
  cut = markupBoundary(s, graphemeBoundary(s, cut));
  // Not `;`: it may close an escape.
  return s.slice(0, cut).replace(/[\s,:–—-]+$/u, "") + ELLIPSIS;
}

const fitText = <T extends TextObject>(t: T, max: number): T => (t.text.length <= max ? t : { ...t, text: shorten(t.text, max) });

const fitButton = (b: ButtonElement): ButtonElement => {
  const out: ButtonElement = { ...b, text: fitText(b.text, SLACK_LIMITS.buttonText) };
  // A value is data, not prose: a cut one is useless, so drop it and let the handler say so.
  if (b.value !== undefined && b.value.length > SLACK_LIMITS.buttonValue) delete out.value;
  return out;
};

function fitBlock(block: Block): Block {
  const b = block.block_id && block.block_id.length > SLACK_LIMITS.blockId ? { ...block, block_id: block.block_id.slice(0, SLACK_LIMITS.blockId) } : block;
  switch (b.type) {
    case "header":
      return { ...b, text: fitText(b.text, SLACK_LIMITS.headerText) };
    case "section": {
      const out = { ...b };
      if (b.text) out.text = fitText(b.text, SLACK_LIMITS.sectionText);
      if (b.fields) out.fields = b.fields.slice(0, SLACK_LIMITS.fields).map((f) => fitText(f, SLACK_LIMITS.fieldText));
      return out;
    }
    case "context":
      return { ...b, elements: b.elements.slice(0, SLACK_LIMITS.contextElements).map((e) => fitText(e, SLACK_LIMITS.contextText)) };
    case "actions":
      return { ...b, elements: b.elements.slice(0, SLACK_LIMITS.actionsElements).map(fitButton) };
    case "divider":
      return b;
  }
}

/** Brings a message within Slack's limits. Past 50 blocks, the tail gives way to a note (a closing actions block is kept). */
export function fitMessage(message: SlackMessage): SlackMessage {
  let blocks = message.blocks.map(fitBlock);
  if (blocks.length > SLACK_LIMITS.blocks) {
    const last = blocks[blocks.length - 1];
    const keepLast = last?.type === "actions" ? [last] : [];
    const room = SLACK_LIMITS.blocks - 1 - keepLast.length;
    const dropped = blocks.length - keepLast.length - room;
    blocks = [
      ...blocks.slice(0, room),
      { type: "context", elements: [{ type: "mrkdwn", text: `${ELLIPSIS} ${dropped} more not shown (Slack allows ${SLACK_LIMITS.blocks} blocks)` }] },
      ...keepLast,
    ];
  }
  const text = shorten(message.text.trim() || "briefbot", SLACK_LIMITS.fallbackText);
  return { text, blocks };
}

/** Every way `message` breaks a Slack limit, in words; empty when it is fine. */
export function checkMessage(message: SlackMessage): string[] {
  const L = SLACK_LIMITS;
  const out: string[] = [];
  const over = (what: string, n: number, max: number) => n > max && out.push(`${what}: ${n} > ${max}`);
  if (!message.text.trim()) out.push("text: empty fallback text");
  over("text", message.text.length, L.fallbackText);
  over("blocks", message.blocks.length, L.blocks);
  message.blocks.forEach((b, i) => {
    if (b.block_id) over(`blocks[${i}].block_id`, b.block_id.length, L.blockId);
    if (b.type === "header") over(`blocks[${i}] header text`, b.text.text.length, L.headerText);
    if (b.type === "section") {
      if (!b.text && !b.fields?.length) out.push(`blocks[${i}] section: neither text nor fields`);
      if (b.text) over(`blocks[${i}] section text`, b.text.text.length, L.sectionText);
      if (b.fields) {
        over(`blocks[${i}] fields`, b.fields.length, L.fields);
        b.fields.forEach((f, j) => over(`blocks[${i}] field ${j}`, f.text.length, L.fieldText));
      }
    }
    if (b.type === "context") {
      over(`blocks[${i}] context elements`, b.elements.length, L.contextElements);
      b.elements.forEach((e, j) => over(`blocks[${i}] context element ${j}`, e.text.length, L.contextText));
    }
    if (b.type === "actions") {
      over(`blocks[${i}] actions elements`, b.elements.length, L.actionsElements);
      b.elements.forEach((e, j) => {
        over(`blocks[${i}] button ${j} text`, e.text.text.length, L.buttonText);
        over(`blocks[${i}] button ${j} action_id`, e.action_id.length, L.actionId);
        if (e.value !== undefined) over(`blocks[${i}] button ${j} value`, e.value.length, L.buttonValue);
      });
    }
    const texts = b.type === "section" ? [b.text, ...(b.fields ?? [])] : b.type === "context" ? b.elements : [];
    for (const t of texts) if (t && !t.text.trim()) out.push(`blocks[${i}]: empty text object`);
  });
  return out;
}
