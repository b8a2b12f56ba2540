import { useQuery } from "@tanstack/react-query";
import { lazy, type ReactNode, Suspense } from "react";

import { useTRPC } from "../lib/trpc";
import type { MapTiles, StreetMapProps } from "./street-map";

/** Leaflet and its CSS are in their own chunk, fetched only when a page shows a map with tiles. */
const StreetMap = lazy(() => import("./street-map"));

/** The street map tiles the site is configured with (MAP_TILE_URL), or null: the outline map alone. */
export function useMapTiles(): MapTiles | null {
  const trpc = useTRPC();
  const tiles = useQuery({ ...trpc.site.mapTiles.queryOptions(), staleTime: Infinity });
  return tiles.data ?? null;
}

/**
 * A street map when tiles are configured, else (and while the settings or Leaflet load, or if
 * they fail) the outline map the caller gives: the same map, never a blank box.
 */
export function WithStreetMap({ outline, ...props }: Omit<StreetMapProps, "tiles"> & { outline: ReactNode }) {
  const tiles = useMapTiles();
  if (!tiles) return outline;
  return (
    <Suspense fallback={outline}>
      <StreetMap tiles={tiles} {...props} />
    </Suspense>
  );
}
