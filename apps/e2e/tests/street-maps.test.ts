import { publishPack, savePackText } from "@wardpanel/db/queries/packs";
import { seedPanel, seedUser } from "@wardpanel/db/testing";
import { BLOOMSBURY, importMetDecember, seedPriorityWithProgress } from "@wardpanel/packs/testing";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { expectNoAxeViolations, RESULTS_DIR, screenshot } from "../src/browser";
import { setUpJourneys } from "../src/journeys";
import { signIn } from "../src/sign-in";
import { startTileServer, type TileServer } from "../src/tile-server";

const MONTH = "2024-12";
const ATTRIBUTION = "© Test Tiles and contributors";

async function seed(db: Parameters<Parameters<typeof setUpJourneys>[0]>[0]) {
  seedPanel(db, BLOOMSBURY);
  await seedUser(db, {
    email: "sergeant@example.test",
    name: "PS Okafor",
    roles: [{ role: "sergeant", wardCode: BLOOMSBURY }],
  });
  await importMetDecember(db);
  const now = new Date("2025-01-21T10:00:00Z");
  savePackText(db, { wardCode: BLOOMSBURY, month: MONTH, commentary: "Burglary fell.", partnerActions: "", now });
  publishPack(db, { wardCode: BLOOMSBURY, month: MONTH, now });
  // A published priority with a drawn area near Russell Square, for the library's small map.
  const priorityId = seedPriorityWithProgress(db, { wardCode: BLOOMSBURY, month: MONTH });
  const corners = [
    [-0.128, 51.521],
    [-0.124, 51.521],
    [-0.126, 51.523],
    [-0.128, 51.521],
  ];
  db.$client
    .prepare("UPDATE priorities SET area = ?, published_at = ? WHERE id = ?")
    .run(JSON.stringify({ type: "Polygon", coordinates: [corners] }), now.getTime(), priorityId);
}

/**
 * The street map is drawn and sits under the drawing: tiles were fetched and decoded, and at a
 * point of the ward boundary the top element is the boundary path, not a tile (WCAG 1.4.11 aside,
 * the order is what makes the boundary readable at all).
 */
async function expectTilesBeneathBoundary(map: Locator) {
  await expect.poll(() => map.locator("img.leaflet-tile-loaded").count(), { timeout: 15_000 }).toBeGreaterThan(0);
  const drawn = await map
    .locator("img.leaflet-tile-loaded")
    .evaluateAll((tiles) => tiles.map((tile) => (tile as HTMLImageElement).naturalWidth));
  expect(drawn.every((width) => width === 256)).toBe(true);
  await map.scrollIntoViewIfNeeded();
  const order = await map.evaluate((container) => {
    const boundary = container.querySelector<SVGPathElement>("[data-ward-boundary]");
    const tilePane = container.querySelector<HTMLElement>(".leaflet-tile-pane");
    if (!boundary || !tilePane) return null;
    const drawingPane = boundary.closest<HTMLElement>(".leaflet-pane");
    const start = boundary.getPointAtLength(0);
    const screen = new DOMPoint(start.x, start.y).matrixTransform(boundary.getScreenCTM() ?? new DOMMatrix());
    return {
      tileZ: Number(getComputedStyle(tilePane).zIndex),
      drawingZ: Number(getComputedStyle(drawingPane ?? tilePane).zIndex),
      topIsBoundary: document.elementFromPoint(screen.x, screen.y) === boundary,
    };
  });
  expect(order).toEqual({ tileZ: 200, drawingZ: 450, topIsBoundary: true });
  expect(await map.locator("xpath=..").innerText()).toContain(`Map: ${ATTRIBUTION}`);
}

/** A close-up of one map with its attribution and buttons, to look at beside the whole page's screenshot. */
async function screenshotMap(map: Locator, name: string) {
  await map.locator("xpath=..").screenshot({ path: `${RESULTS_DIR}${name}.png` });
}

/** Every street map on the page, by its Leaflet container. */
const streetMaps = (scope: Page | Locator) => scope.locator("[data-street-map]");

describe("maps over street map tiles (MAP_TILE_URL set)", () => {
  let tiles: TileServer;
  beforeAll(async () => {
    tiles = await startTileServer();
  });
  afterAll(async () => {
    await tiles.close();
  });
  const journeys = setUpJourneys(seed, { env: () => ({ MAP_TILE_URL: tiles.template, MAP_ATTRIBUTION: ATTRIBUTION }) });

  it("on a phone, the ward map, the concern map, the pack's crime map and the priority area editor draw the boundary over tiles and place points by keyboard and by tap", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });

    // The ward page: the boundary over the street map, moved by buttons.
    await page.goto(`/wards/${BLOOMSBURY}`);
    const wardMap = page.locator("[data-street-map]:not([role=application])").first();
    await wardMap.waitFor();
    await expectTilesBeneathBoundary(wardMap);
    expect(await page.getByRole("img", { name: /^Map of the boundary of Bloomsbury ward$/ }).count()).toBe(1);
    expect(tiles.requests.length).toBeGreaterThan(0);
    const zoomBefore = Math.max(...tiles.requests.map((t) => t.z));
    const moveWardMap = wardMap.locator("xpath=..").getByRole("group", { name: "Move the map" });
    await moveWardMap.getByRole("button", { name: "Zoom in" }).click();
    await expect.poll(() => Math.max(...tiles.requests.map((t) => t.z))).toBeGreaterThan(zoomBefore);
    await moveWardMap.getByRole("button", { name: "Pan north" }).click();
    await moveWardMap.getByRole("button", { name: "Whole ward" }).click();
    await expectNoAxeViolations(page);
    await screenshot(page, "street-map-ward-page-phone");
    await screenshotMap(wardMap, "street-map-ward-close");

    // The concern form: by keyboard (the crosshair shows and is said), then by a tap.
    const concern = page.getByRole("region", { name: "Raise a concern" });
    const picker = concern.locator("[data-street-map][role=application]");
    await picker.waitFor();
    expect(await picker.getAttribute("aria-label")).toBe("Map of Bloomsbury ward: mark the place");
    await expectTilesBeneathBoundary(picker);
    await picker.focus();
    await expect.poll(() => picker.locator("[data-crosshair]").count()).toBe(1);
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => concern.getByText(/^Crosshair in the/).count()).toBe(1);
    await page.keyboard.press("Enter");
    await expect.poll(() => concern.getByText(/^A point is marked in the/).isVisible()).toBe(true);
    // Moved past the map's edge, the crosshair stays at the edge and the map pans under it.
    const mapOffset = () =>
      picker.locator(".leaflet-map-pane").evaluate((pane) => (pane as HTMLElement).style.transform);
    const before = await mapOffset();
    for (let i = 0; i < 14; i++) await page.keyboard.press("Shift+ArrowLeft");
    expect(await mapOffset()).not.toBe(before);
    await expect.poll(() => concern.getByText("Crosshair outside the ward boundary.").count()).toBe(1);
    await picker.locator("xpath=..").getByRole("button", { name: "Whole ward" }).click();
    await concern.getByRole("button", { name: "Clear the point" }).click();
    await expect.poll(() => concern.getByText("No point is marked on the map.").isVisible()).toBe(true);
    await picker.click();
    await expect.poll(() => concern.getByText(/^A point is marked in the/).isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    await screenshot(page, "street-map-concern-phone");
    await screenshotMap(picker, "street-map-concern-close");

    // At 320 px wide the maps and their buttons reflow without sideways scrolling (WCAG 1.4.10).
    await page.setViewportSize({ width: 320, height: 700 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 390, height: 844 });

    // The pack's crime map: circles over the tiles instead of the server's outline SVG.
    await page.goto(`/wards/${BLOOMSBURY}/packs/${MONTH}`);
    const crimeMap = streetMaps(page.locator(".pack-map"));
    await crimeMap.waitFor();
    await expectTilesBeneathBoundary(crimeMap);
    expect(await crimeMap.locator("circle").count()).toBeGreaterThan(0);
    expect(await page.locator(".pack-map > svg").isVisible()).toBe(false);
    expect(await page.getByRole("img", { name: /^Map of Bloomsbury ward with \d+ crimes at \d+ places/ }).count()).toBe(
      1,
    );
    await expectNoAxeViolations(page);
    await screenshot(page, "street-map-pack-phone");
    await screenshotMap(crimeMap, "street-map-pack-close");

    // The sergeant draws a priority's area: two corners by tap, one by keyboard.
    await signIn(page, "sergeant@example.test");
    await page.goto(`/staff/wards/${BLOOMSBURY}/priorities`);
    await page.getByRole("button", { name: "Write a new priority" }).click();
    const editor = page.locator("[data-street-map][role=application]");
    await editor.waitFor();
    expect(await editor.getAttribute("aria-label")).toBe("Map of Bloomsbury ward: add a corner of the area");
    await expectTilesBeneathBoundary(editor);
    const box = await editor.boundingBox();
    if (!box) throw new Error("the area editor has no box");
    await page.mouse.click(box.x + box.width * 0.3, box.y + box.height * 0.3);
    await page.mouse.click(box.x + box.width * 0.7, box.y + box.height * 0.35);
    await expect.poll(() => page.getByText("2 corners placed: add at least 1 more to make an area.").count()).toBe(1);
    await editor.focus();
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Shift+ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByText("An area with 3 corners is drawn.").count()).toBe(1);
    expect(await editor.locator("polygon").count()).toBe(1);
    await expectNoAxeViolations(page);
    await screenshot(page, "street-map-area-editor-phone");
    await screenshotMap(editor, "street-map-area-editor-close");
  });

  it("a priority's small map in the library shows its area over the tiles, as a still picture", async () => {
    const { page } = journeys;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/wards/${BLOOMSBURY}/priorities`);
    const picture = page.getByRole("img", { name: /area of the priority “Burglary around Russell Square”/ });
    const thumbnail = page.locator("[data-street-map]", { has: picture });
    await thumbnail.waitFor();
    await expectTilesBeneathBoundary(thumbnail);
    expect(await picture.locator("path").count()).toBe(2);
    expect(await thumbnail.locator("xpath=..").getByRole("button").count()).toBe(0);
    await expectNoAxeViolations(page);
    await screenshotMap(thumbnail, "street-map-priority-close");
  });

  it("when tiles fail, the boundary is still drawn and points can still be placed", async () => {
    const { page } = journeys;
    // Every tile request fails, as when the tile server is down.
    await page.route(/127\.0\.0\.1:\d+\/\d+\/\d+\/\d+\.png/, (route) => route.abort());
    await page.goto(`/wards/${BLOOMSBURY}`);
    const picker = page.locator("[data-street-map][role=application]");
    await picker.waitFor();
    expect(await picker.locator("[data-ward-boundary]").count()).toBe(1);
    await picker.click();
    await expect.poll(() => page.getByText(/^A point is marked in the/).isVisible()).toBe(true);
    expect(await picker.locator("img.leaflet-tile-loaded").count()).toBe(0);
  });
});

describe("maps without a tile source (MAP_TILE_URL unset)", () => {
  let tiles: TileServer;
  beforeAll(async () => {
    tiles = await startTileServer();
  });
  afterAll(async () => {
    await tiles.close();
  });
  const journeys = setUpJourneys(seed);

  it("draw today's outline map, fetch no tiles and never load the map library", async () => {
    const { page } = journeys;
    const scripts: string[] = [];
    page.on("request", (request) => scripts.push(request.url()));
    await page.goto(`/wards/${BLOOMSBURY}`);
    await page.getByRole("img", { name: "Map of the boundary of Bloomsbury ward" }).waitFor();
    const picker = page.getByRole("application", { name: /mark the place/ });
    await picker.click();
    await expect.poll(() => page.getByText(/^A point is marked in the/).isVisible()).toBe(true);
    await page.goto(`/wards/${BLOOMSBURY}/packs/${MONTH}`);
    await page.locator(".pack-map > svg").waitFor();
    expect(await streetMaps(page).count()).toBe(0);
    expect(tiles.requests).toEqual([]);
    expect(scripts.filter((url) => url.includes("street-map"))).toEqual([]);
  });
});
