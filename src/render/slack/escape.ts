// Slack mrkdwn treats & < > as control characters (`<!channel>`, `<@U123>`, `<url|label>`): every piece of
// article text is escaped so it shows as written and never pings anyone or forges a link.

export const escapeMrkdwn = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Ids Slack gives users and channels; only these are ever put inside `<...>` from a payload. */
const SLACK_ID = /^[UWCGD][A-Z0-9]{2,}$/;

export const mentionUser = (id: string): string => (SLACK_ID.test(id) ? `<@${id}>` : escapeMrkdwn(id));

/** Only http(s) URLs without spaces or markup characters become links. */
export const isLinkable = (url: string | undefined): url is string => !!url && /^https?:\/\/[^\s<>|]+$/i.test(url);

/** A link `<url|label>` when the URL is linkable; otherwise the escaped label alone. */
export function link(url: string | undefined, label: string): string {
  const text = escapeMrkdwn(label);
  if (!isLinkable(url)) return text;
  // A `|` in the label would end it early; show a look-alike instead.
  return `<${url.replace(/&/g, "&amp;")}|${text.replace(/\|/g, "¦")}>`;
}
