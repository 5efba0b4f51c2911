// The Block Kit shapes briefbot sends: a small, exact subset of Slack's (structurally compatible with
// @slack/types, so adapters hand them to Bolt as they are). Render stays free of any platform SDK.

export interface PlainText {
  type: "plain_text";
  text: string;
  emoji?: boolean;
}

export interface Mrkdwn {
  type: "mrkdwn";
  text: string;
}

export type TextObject = PlainText | Mrkdwn;

export interface HeaderBlock {
  type: "header";
  block_id?: string;
  text: PlainText;
}

export interface SectionBlock {
  type: "section";
  block_id?: string;
  text?: TextObject;
  fields?: TextObject[];
}

export interface ContextBlock {
  type: "context";
  block_id?: string;
  elements: TextObject[];
}

export interface DividerBlock {
  type: "divider";
  block_id?: string;
}

export interface ButtonElement {
  type: "button";
  action_id: string;
  text: PlainText;
  value?: string;
  style?: "primary" | "danger";
}

export interface ActionsBlock {
  type: "actions";
  block_id?: string;
  elements: ButtonElement[];
}

export type Block = HeaderBlock | SectionBlock | ContextBlock | DividerBlock | ActionsBlock;

/** A message body: `text` is the fallback for notifications and screen readers, always present. */
export interface SlackMessage {
  text: string;
  blocks: Block[];
}

export const plain = (text: string): PlainText => ({ type: "plain_text", text });
export const mrkdwn = (text: string): Mrkdwn => ({ type: "mrkdwn", text });
export const header = (text: string): HeaderBlock => ({ type: "header", text: plain(text) });
export const section = (text: string): SectionBlock => ({ type: "section", text: mrkdwn(text) });
export const fieldsSection = (fields: string[], text?: string): SectionBlock =>
  text === undefined
    ? { type: "section", fields: fields.map(mrkdwn) }
    : { type: "section", text: mrkdwn(text), fields: fields.map(mrkdwn) };
export const context = (...texts: string[]): ContextBlock => ({ type: "context", elements: texts.map(mrkdwn) });
export const divider = (): DividerBlock => ({ type: "divider" });
