import type { FeedItem } from "@wardpanel/db/queries/feed";

/** The feed as a GeoJSON FeatureCollection (RFC 7946) for GIS: one feature per priority; geometry null when it has none. */
export function feedGeoJson(items: readonly FeedItem[]) {
  return { type: "FeatureCollection" as const, features: items.map(feedFeature) };
}

/** One priority as a GeoJSON Feature: its area (or null) and the properties a GIS layer shows. */
export function feedFeature(item: FeedItem) {
  return {
    type: "Feature" as const,
    id: item.id,
    geometry: item.area.geometry,
    properties: {
      version: item.version,
      title: item.title,
      wardCode: item.ward.code,
      wardName: item.ward.name,
      boroughCode: item.ward.borough.code,
      boroughName: item.ward.borough.name,
      category: item.category,
      flagged: item.callHandling.flagged,
      responseTargetMinutes: item.callHandling.responseTarget?.minutes ?? null,
      streets: item.area.streets,
      postcodes: item.area.postcodes,
      validFrom: item.validFrom,
      reviewDate: item.reviewDate,
      popupText: item.popupText,
    },
  };
}
