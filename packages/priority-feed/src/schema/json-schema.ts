import * as z from "zod";

import { FEED_SCHEMA_VERSION } from "../version.js";
import { FeedChangesPage, FeedSnapshot, Problem } from "./documents.js";
import { FeedPriority } from "./priority.js";

/**
 * Builds feed.schema.json from the zod schemas, so the published JSON Schema cannot drift from
 * what the client validates. `io: "input"` leaves `additionalProperties` open: a consumer written
 * against 1.0 must still accept a 1.1 feed that adds a field.
 */
export function buildFeedJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  registry.add(FeedPriority, { id: "FeedPriority" });
  registry.add(FeedSnapshot, { id: "FeedSnapshot" });
  registry.add(FeedChangesPage, { id: "FeedChangesPage" });
  registry.add(Problem, { id: "Problem" });

  const { schemas } = z.toJSONSchema(registry, {
    io: "input",
    target: "draft-2020-12",
    uri: (id) => `#/$defs/${id}`,
  });
  // Each definition comes with its own $schema and a fragment $id; inside $defs both are noise
  // (and a fragment $id is not allowed by draft 2020-12), so they are dropped.
  const defs: Record<string, unknown> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $schema: _schema, $id: _id, ...rest } = schema;
    defs[id] = rest;
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "Ward Panel priority feed",
    description: `Response bodies of the priority feed, schema version ${FEED_SCHEMA_VERSION}. Validate a snapshot against #/$defs/FeedSnapshot and a changes page against #/$defs/FeedChangesPage.`,
    anyOf: [{ $ref: "#/$defs/FeedSnapshot" }, { $ref: "#/$defs/FeedChangesPage" }, { $ref: "#/$defs/Problem" }],
    $defs: defs,
  };
}

/** The file's exact text: two-space JSON with a final newline. */
export function renderFeedJsonSchema(): string {
  return `${JSON.stringify(buildFeedJsonSchema(), null, 2)}\n`;
}
