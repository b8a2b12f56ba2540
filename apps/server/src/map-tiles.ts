import { z } from "zod";

/** Placeholders a tile address may hold (Leaflet's XYZ template): zoom, column, row, sub-domain, retina suffix. */
const PLACEHOLDERS = new Set(["z", "x", "y", "s", "r"]);
const SUBDOMAIN = "{s}";

/** Why a tile address is unusable, in words for the person setting it; null when it is fine. */
export function tileUrlProblem(template: string): string | null {
  const example = "like https://tiles.example.org/{z}/{x}/{y}.png";
  for (const [, name = ""] of template.matchAll(/\{([^}]*)\}/g)) {
    if (!PLACEHOLDERS.has(name))
      return `{${name}} is not a tile placeholder: use {z}, {x}, {y} and optionally {s}, ${example}`;
  }
  const missing = ["{z}", "{x}", "{y}"].filter((p) => !template.includes(p));
  if (missing.length > 0) return `an XYZ tile address needs ${missing.join(", ")}, ${example}`;
  let url: URL;
  try {
    url = new URL(template.replaceAll(SUBDOMAIN, "a").replace(/\{[zxyr]\}/g, "0"));
  } catch {
    return `not a web address, ${example}`;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `must start https:// or http://, ${example}`;
  const host = /^https?:\/\/([^/?#]*)/.exec(template)?.[1] ?? "";
  // The Content-Security-Policy can only wildcard the first label of a host, so {s} may only be that.
  if (host.includes(SUBDOMAIN) && !(host.startsWith(`${SUBDOMAIN}.`) && host.indexOf(SUBDOMAIN, 1) === -1)) {
    return `{s} may only be the first part of the host, like https://{s}.tiles.example.org/{z}/{x}/{y}.png`;
  }
  return null;
}

/**
 * The optional street map under every ward map (docs/decisions/0020-map-tiles.md). Unset, maps
 * show the ward outline alone, drawn from our own data.
 */
export const MapTileSchema = z.object({
  /** An XYZ raster tile address with {z}, {x}, {y} (and optionally {s}), e.g. a force's own tile server or OS Maps with its key. */
  MAP_TILE_URL: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined)
    .superRefine((value, ctx) => {
      const problem = value === undefined ? null : tileUrlProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
  /** Who the map is from, shown on every map with tiles, as the tile licence requires (e.g. "© Crown copyright and database rights 2026 OS"). */
  MAP_ATTRIBUTION: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || undefined),
});

export type MapTiles = { url: string; attribution: string } | null;

/** The tile settings as the web app gets them; null when no tile address is set. */
export function mapTilesOf(env: { MAP_TILE_URL?: string | undefined; MAP_ATTRIBUTION?: string | undefined }): MapTiles {
  return env.MAP_TILE_URL ? { url: env.MAP_TILE_URL, attribution: env.MAP_ATTRIBUTION ?? "" } : null;
}

/**
 * The source to add to the Content-Security-Policy's img-src so browsers load the tiles: the tile
 * address's origin, with {s} as the CSP's first-label wildcard (https://*.tiles.example.org).
 */
export function tileImageSource(tiles: MapTiles): string | null {
  if (!tiles) return null;
  const origin = /^(https?:\/\/[^/?#]*)/.exec(tiles.url)?.[1];
  return origin ? origin.replace(SUBDOMAIN, "*") : null;
}
