// Topics: lower-case keys a user would type.
import type { Entity } from "../types.js";

export function extractTopics(entities: Entity[]): string[] {
  return entities.filter((e) => e.type !== "person").slice(0, 8).map((e) => e.name.toLowerCase());
}
