/**
 * British National Grid → WGS84 lives in one place for postcodes and ward boundaries alike
 * (`@wardpanel/crime-data`'s ward-file/national-grid.ts, proj4 with the OSGB36 Helmert shift).
 */
export { gridToWgs84 } from "@wardpanel/crime-data";
