// `pnpm run schema`: regenerates feed.schema.json from the zod schemas. Commit the result;
// src/schema/json-schema.test.ts fails while the committed file and the schemas disagree.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

import { renderFeedJsonSchema } from "../src/schema/json-schema.js";

const target = fileURLToPath(new URL("../feed.schema.json", import.meta.url));
writeFileSync(target, renderFeedJsonSchema());
console.log(`wrote ${target}`);
