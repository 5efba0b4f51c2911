// The button under a story entry of /brief: it carries the story's id and, clicked, brings back what
// `/story <id>` shows. What comes back from a click is not trusted: a forged or mangled id is refused
// here, before any look-up, and a stale one (the story is no longer stored) is answered in words.
import type { StorySummary as StoryRef } from "../core/index.js";
import { storyOutlets } from "./story-text.js";

/** A story id as the stores make them ("s" and the first article's id), bounded so every platform's
 * button field holds it (Discord: custom_id at most 100 characters). */
const STORY_ID = /^s[0-9A-Za-z_-]{1,64}$/;

export const isStoryId = (id: unknown): id is string => typeof id === "string" && STORY_ID.test(id);

/** Only a story told by more than one outlet has other cards to show (as `/story` is suggested). */
export const hasStoryButton = (s: StoryRef): boolean => storyOutlets(s).length > 1 && isStoryId(s.id);

/** "All 3 sources": short enough for every platform's button label. */
export const storyButtonLabel = (s: StoryRef): string => `All ${storyOutlets(s).length} sources`;

export const STORY_BUTTON_BROKEN_TEXT = "That button no longer works: run /brief again.";
export const STORY_GONE_TEXT = "I no longer have that story: run /brief again for the current ones.";
