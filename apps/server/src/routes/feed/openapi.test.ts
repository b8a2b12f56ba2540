import { Validator } from "@seriousme/openapi-schema-validator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { createFeedTestDb, listenWholeServer } from "./feed-test-server";

describe("GET /feed/v1/openapi.json", () => {
  let server: Awaited<ReturnType<typeof listenWholeServer>>;
  beforeAll(async () => {
    server = await listenWholeServer(createFeedTestDb().db);
  });
  afterAll(() => server.close());

  it("is public, and valid against the OpenAPI 3.1 schema with every $ref resolving", async () => {
    const response = await fetch(`${server.url}/feed/v1/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as Record<string, unknown>;
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // Throws on a $ref that points nowhere.
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it("documents every route the feed serves", async () => {
    const document = (await (await fetch(`${server.url}/feed/v1/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const operation of operations) {
      const [method, path] = operation.split(" ") as [string, string];
      expect(
        server.app.hasRoute({ method: method as "GET", url: `/feed/v1${path.replace("{id}", ":id")}` }),
        operation,
      ).toBe(true);
    }
    expect(operations.sort()).toEqual(
      [
        "DELETE /webhooks/{id}",
        "GET /docs",
        "GET /package.tgz",
        "GET /priorities",
        "GET /priorities.csv",
        "GET /priorities.geojson",
        "GET /priorities.gpkg",
        "GET /ogc",
        "GET /ogc/conformance",
        "GET /ogc/collections",
        "GET /ogc/collections/priorities",
        "GET /ogc/collections/priorities/items",
        "GET /ogc/collections/priorities/items/{id}",
        "GET /priorities/changes",
        "GET /responses/misses.csv",
        "GET /webhooks",
        "POST /match",
        "POST /responses",
        "POST /webhooks",
      ].sort(),
    );
  });
});
