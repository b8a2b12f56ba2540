import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";

import { buildOpenApiDocument } from "./openapi";
import { takesExample } from "./openapi-examples";

type MediaType = { schema: object; examples?: Record<string, { value: unknown }> };
type Operation = {
  operationId?: string;
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
};

const document = buildOpenApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, Record<string, Operation>>;
  components: object;
};

/** Every request body and response with a JSON or text body, as "<operation> <request|status> <media type>". */
function bodies(): { name: string; media: MediaType }[] {
  const operations = [
    ...Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => [`${method.toUpperCase()} ${path}`, operation] as const),
    ),
    ...Object.entries(document.webhooks).flatMap(([name, methods]) =>
      Object.values(methods).map((operation) => [`webhook ${name}`, operation] as const),
    ),
  ];
  const all = operations.flatMap(([name, operation]) => [
    ...Object.entries(operation.requestBody?.content ?? {}).map(([type, media]) => ({
      name: `${name} request ${type}`,
      media,
    })),
    ...Object.entries(operation.responses).flatMap(([status, response]) =>
      Object.entries(response.content ?? {}).map(([type, media]) => ({ name: `${name} ${status} ${type}`, media })),
    ),
  ]);
  return all.filter(({ name }) => takesExample(name.split(" ").at(-1) ?? ""));
}

describe("the OpenAPI document's examples", () => {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);

  it("has an example for every request body and every JSON or text response, errors included", () => {
    const missing = bodies()
      .filter(({ media }) => Object.keys(media.examples ?? {}).length === 0)
      .map(({ name }) => name);
    expect(missing).toEqual([]);
    expect(bodies().length).toBeGreaterThan(60);
  });

  it("validates every example against the schema beside it (JSON Schema 2020-12)", () => {
    const failures: string[] = [];
    for (const { name, media } of bodies()) {
      // The schema's "#/components/…" references resolve against the document's components.
      const validate = ajv.compile({ ...media.schema, components: document.components });
      for (const [label, example] of Object.entries(media.examples ?? {})) {
        if (!validate(example.value)) failures.push(`${name} ${label}: ${ajv.errorsText(validate.errors)}`);
      }
    }
    expect(failures).toEqual([]);

    // And it would catch a wrong one: a snapshot item without its ward, a match with a street as a number.
    const snapshot = document.paths["/priorities"]?.get?.responses["200"]?.content?.["application/json"];
    const validate = ajv.compile({ ...snapshot?.schema, components: document.components });
    const value = structuredClone(Object.values(snapshot?.examples ?? {})[0]?.value) as { items: object[] };
    expect(validate(value)).toBe(true);
    delete (value.items[0] as { ward?: unknown }).ward;
    expect(validate(value)).toBe(false);
    const match = document.paths["/match"]?.post?.requestBody?.content["application/json"];
    expect(ajv.compile({ ...match?.schema, components: document.components })({ street: 12 })).toBe(false);
  });
});
