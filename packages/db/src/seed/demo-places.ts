import type { AreaGeometry } from "@wardpanel/validators";

/** A place the demo names, with the WGS84 point (decimal degrees) it stands for. */
type Place = { name: string; address: string; lon: number; lat: number };

/**
 * The places of the demo's lead ward, Belsize (Camden, E05013652), every one inside the ward's
 * boundary (demo-places.test.ts checks each against the polygon the database holds): where its
 * panel meets, where its team is based, and where its priorities apply.
 */
export const BELSIZE_PLACES = {
  /** The panel's meetings: the community library on Antrim Road, NW3. */
  venue: {
    name: "Belsize Community Library",
    address: "91 Antrim Road, London NW3 4XN",
    lon: -0.1652,
    lat: 51.5478,
  },
  /** The team's base for the ward: a desk at the same library, where residents can find them. */
  teamBase: {
    name: "Belsize Safer Neighbourhoods Team office, Belsize Community Library",
    address: "91 Antrim Road, London NW3 4XN",
    lon: -0.1652,
    lat: 51.5478,
  },
  /** The first priority: the play area in Belsize Wood, off Belsize Lane. */
  playArea: { name: "Belsize Wood play area", address: "Belsize Lane, London NW3 5AS", lon: -0.1715, lat: 51.5495 },
  /** The second priority: the pavements of Belsize Park Gardens and Belsize Avenue. */
  pavements: {
    name: "Belsize Park Gardens and Belsize Avenue",
    address: "London NW3",
    lon: -0.168,
    lat: 51.547,
  },
} satisfies Record<string, Place>;

/** A square about `halfSideMetres` × 2 across centred on a place, as a drawn priority area. */
export function squareAround(place: Place, halfSideMetres = 120): AreaGeometry {
  const dLat = halfSideMetres / 111_320;
  const dLon = halfSideMetres / (111_320 * Math.cos((place.lat * Math.PI) / 180));
  const { lon, lat } = place;
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon - dLon, lat - dLat],
        [lon + dLon, lat - dLat],
        [lon + dLon, lat + dLat],
        [lon - dLon, lat + dLat],
        [lon - dLon, lat - dLat],
      ],
    ],
  };
}
