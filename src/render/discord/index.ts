export { answerToMessage, cardEmbed, DEFAULT_DISCORD_RENDER_OPTIONS, EPHEMERAL, POST_PUBLICLY_ID, postPubliclyRow, safeUrl, storyFromButton, storyRow, textMessage } from "./answer.js";
export type { DiscordRenderOptions } from "./answer.js";
export { escapeDiscordMarkdown } from "./escape.js";
export { digestToDiscord } from "./digest.js";
export { DISCORD_LIMITS, embedChars, fitMessage, shorten, withinLimits } from "./limits.js";
export type { ActionRow, AllowedMentions, Button, DiscordMessage, Embed, EmbedField } from "./types.js";
