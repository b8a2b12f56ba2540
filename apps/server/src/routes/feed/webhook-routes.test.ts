import { createApiKey } from "@wardpanel/db/queries/api-keys";
import { Problem } from "@wardpanel/priority-feed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { type AllowedNetwork, parseAllowedNetworks } from "../../workers/webhook-networks";
import { createFeedTestDb, listenFeedOnly } from "./feed-test-server";

const NOW = new Date("2026-11-25T12:00:00Z");

function networks(text: string): AllowedNetwork[] {
  const parsed = parseAllowedNetworks(text);
  if (!("networks" in parsed)) throw new Error(parsed.problem);
  return parsed.networks;
}

/** The feed's routes on a real port, with one key, and helpers to register and list its webhooks. */
async function listen(allowedNetworks: AllowedNetwork[]) {
  const { db } = createFeedTestDb();
  const key = createApiKey(db, { name: "Camden CAD", boroughCodes: [], now: NOW }).key;
  const { app, url } = await listenFeedOnly(db, { allowedNetworks });
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  return {
    close: () => app.close(),
    register: (target: string) =>
      fetch(`${url}/feed/v1/webhooks`, { method: "POST", headers, body: JSON.stringify({ url: target }) }),
    listed: async () =>
      ((await (await fetch(`${url}/feed/v1/webhooks`, { headers })).json()) as { items: { url: string }[] }).items.map(
        (item) => item.url,
      ),
  };
}

describe("registering a webhook refuses internal addresses in every spelling", () => {
  let feed: Awaited<ReturnType<typeof listen>>;
  beforeAll(async () => {
    feed = await listen([]);
  });
  afterAll(() => feed.close());

  // [url as sent, what the refusal must say]. The WHATWG URL parser rewrites each IPv4 spelling
  // as a dotted quad, so the message names the address the url really reaches.
  it.each([
    ["http://127.0.0.1/hooks", "url points to 127.0.0.1, a loopback address"],
    ["http://2130706433/hooks", "url points to 127.0.0.1, a loopback address"],
    ["http://0x7f000001/hooks", "url points to 127.0.0.1, a loopback address"],
    ["http://0177.0.0.1/hooks", "url points to 127.0.0.1, a loopback address"],
    ["http://127.1/hooks", "url points to 127.0.0.1, a loopback address"],
    ["http://127.0.0.1./hooks", "url points to 127.0.0.1, a loopback address"],
    ["http://[::1]:8080/hooks", "url points to ::1, a loopback address"],
    ["http://[::ffff:127.0.0.1]/hooks", "url points to ::ffff:7f00:1, a loopback address"],
    [
      "http://[::ffff:169.254.169.254]/latest/meta-data",
      "url points to ::ffff:a9fe:a9fe, a link-local address (this includes the cloud metadata service",
    ],
    ["http://[::127.0.0.1]/hooks", "url points to ::7f00:1, an IPv4-compatible IPv6 address"],
    ["http://localhost:3000/hooks", "url points to localhost, which always means the Ward Panel server itself"],
    ["http://LocalHost./hooks", "url points to localhost., which always means the Ward Panel server itself"],
    ["http://cad.localhost/hooks", "url points to cad.localhost, which always means the Ward Panel server itself"],
    [
      "http://169.254.169.254/latest/meta-data/",
      "url points to 169.254.169.254, a link-local address (this includes the cloud metadata service",
    ],
    ["http://[fe80::1]/hooks", "url points to fe80::1, a link-local address"],
    ["http://10.1.2.3/hooks", "url points to 10.1.2.3, a private network address (RFC 1918)"],
    ["http://172.16.0.1/hooks", "url points to 172.16.0.1, a private network address (RFC 1918)"],
    ["http://192.168.1.1/hooks", "url points to 192.168.1.1, a private network address (RFC 1918)"],
    ["http://3232235777/hooks", "url points to 192.168.1.1, a private network address (RFC 1918)"],
    ["http://100.64.0.1/hooks", "url points to 100.64.0.1, a carrier-grade NAT address"],
    ["http://224.0.0.1/hooks", "url points to 224.0.0.1, a multicast address"],
    ["http://[ff02::1]/hooks", "url points to ff02::1, a multicast address"],
    ["http://0.0.0.0/hooks", "url points to 0.0.0.0, the unspecified address"],
    ["http://0/hooks", "url points to 0.0.0.0, the unspecified address"],
    ["http://[::]/hooks", "url points to ::, the unspecified address"],
    ["http://255.255.255.255/hooks", "url points to 255.255.255.255, the broadcast address"],
    ["http://240.0.0.1/hooks", "url points to 240.0.0.1, a reserved or documentation address"],
    ["http://[fd12:3456::1]/hooks", "url points to fd12:3456::1, a unique-local IPv6 address (fc00::/7)"],
    ["http://[fc00::1]/hooks", "url points to fc00::1, a unique-local IPv6 address (fc00::/7)"],
    ["ftp://cad.example.police.uk/hooks", "url must use http or https"],
    ["file:///etc/passwd", "url must use http or https"],
  ])("%s: 400 naming url, and nothing saved", async (target, message) => {
    const response = await feed.register(target);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    const problem = Problem.parse(await response.json());
    expect(problem.field).toBe("url");
    expect(problem.detail).toContain(message);
    expect(await feed.listed()).toEqual([]);
  });

  it("says how a control room on a private network gets in", async () => {
    const problem = Problem.parse(await (await feed.register("http://10.1.2.3/hooks")).json());
    expect(problem.detail).toContain("ask Ward Panel's operator to allow that network (WEBHOOK_ALLOWED_NETWORKS)");
  });

  it("accepts public addresses and host names (names are checked again when resolved, at each delivery)", async () => {
    for (const target of [
      "https://cad.example.police.uk/hooks",
      "http://81.2.69.160/hooks",
      "http://[2a00:1450:4009:81f::200e]/hooks",
    ]) {
      expect((await feed.register(target)).status).toBe(201);
    }
    expect(await feed.listed()).toEqual([
      "https://cad.example.police.uk/hooks",
      "http://81.2.69.160/hooks",
      "http://[2a00:1450:4009:81f::200e]/hooks",
    ]);
  });
});

describe("an operator's allowed networks", () => {
  it("open those private addresses to webhooks, and no others", async () => {
    const feed = await listen(networks("10.20.0.0/16,fd00:1::/48"));
    try {
      expect((await feed.register("http://10.20.1.5:8443/hooks")).status).toBe(201);
      expect((await feed.register("http://[fd00:1::5]/hooks")).status).toBe(201);
      const refused = Problem.parse(await (await feed.register("http://10.21.0.1/hooks")).json());
      expect(refused).toMatchObject({ status: 400, field: "url" });
      expect(refused.detail).toContain("url points to 10.21.0.1, a private network address");
      expect((await feed.register("http://127.0.0.1/hooks")).status).toBe(400);
      expect(await feed.listed()).toEqual(["http://10.20.1.5:8443/hooks", "http://[fd00:1::5]/hooks"]);
    } finally {
      await feed.close();
    }
  });
});
