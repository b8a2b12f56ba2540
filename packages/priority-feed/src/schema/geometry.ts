import * as z from "zod";

/**
 * GeoJSON Polygon and MultiPolygon in WGS84 longitude/latitude (RFC 7946 §3.1.6–3.1.7).
 * Rings must be closed (first position equals last) and have at least four positions; the first
 * ring of a polygon is its outer boundary, any further rings are holes. RFC 7946 asks for
 * anticlockwise outer rings, but the matcher does not depend on winding, so it is not enforced.
 */

/** A [longitude, latitude] pair. Altitude is not used by a control room, so it is refused. */
export const Position = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe("[longitude, latitude] in WGS84 decimal degrees (RFC 7946 §3.1.1)");

export const LinearRing = z
  .array(Position)
  .min(4)
  .refine((ring) => samePosition(ring[0], ring[ring.length - 1]), {
    message: "a ring must be closed: its first and last positions must be equal",
  })
  .describe("A closed ring: at least four positions, the first equal to the last");

const PolygonRings = z.array(LinearRing).min(1);

export const Polygon = z.object({
  type: z.literal("Polygon"),
  coordinates: PolygonRings.describe("Outer ring first, then any holes"),
});

export const MultiPolygon = z.object({
  type: z.literal("MultiPolygon"),
  coordinates: z.array(PolygonRings).min(1),
});

export const AreaGeometry = z
  .discriminatedUnion("type", [Polygon, MultiPolygon])
  .describe("GeoJSON Polygon or MultiPolygon, WGS84 (RFC 7946)");

export type Position = z.infer<typeof Position>;
export type Polygon = z.infer<typeof Polygon>;
export type MultiPolygon = z.infer<typeof MultiPolygon>;
export type AreaGeometry = z.infer<typeof AreaGeometry>;

function samePosition(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];
}
