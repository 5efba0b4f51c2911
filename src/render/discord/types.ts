// Discord message payloads as the API takes them (snake_case JSON), kept free of any SDK.

export interface EmbedField {
  name: string;
  value: string;
  inline?: boolean;
}

export interface Embed {
  title?: string;
  url?: string;
  description?: string;
  fields?: EmbedField[];
  footer?: { text: string };
  author?: { name: string };
  /** `attachment://chart.png` points at a file sent with the message. */
  image?: { url: string };
  color?: number;
}

export interface Button {
  type: 2;
  style: 1 | 2;
  label: string;
  custom_id: string;
}

export interface ActionRow {
  type: 1;
  components: Button[];
}

/** Discord: with `parse: []` no @everyone, role or user mention in the text pings anyone. */
export interface AllowedMentions {
  parse: [];
  replied_user?: boolean;
}

export interface DiscordMessage {
  content?: string;
  embeds: Embed[];
  allowed_mentions: AllowedMentions;
  components?: ActionRow[];
  /** 64 = ephemeral (only the person who asked sees it). */
  flags?: number;
  message_reference?: { message_id: string; fail_if_not_exists: false };
  /** Files sent with the message (multipart), by index in the upload. */
  attachments?: Array<{ id: number; filename: string; description?: string }>;
}
