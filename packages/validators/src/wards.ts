import { z } from "zod";

/**
 * ONS ward code: E05000138 in England, W05000001 in Wales. Wards are always keyed by code: eleven
 * London ward names exist in two boroughs.
 */
export const WardCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[EW]05\d{6}$/, "A ward code looks like E05000138 (W05… in Wales)");
export type WardCode = z.infer<typeof WardCode>;

/**
 * An ONS local authority (LAD) code, which Ward Panel calls a borough: a London borough (E09…), an
 * English unitary authority (E06…), district (E07…) or metropolitan district (E08…), or a Welsh
 * principal area (W06…).
 */
export const BOROUGH_CODE_PATTERN = /^(E0[6-9]|W06)\d{6}$/;

/** A borough's ONS code, e.g. E09000007 (Camden) or E07000130 (Charnwood). */
export const BoroughCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(BOROUGH_CODE_PATTERN, "A borough or district code looks like E09000007 or E07000130");

export const WardRef = z.object({ wardCode: WardCode });
export type WardRef = z.infer<typeof WardRef>;

export const WardSearch = z.object({
  query: z.string().trim().max(100, "Keep the search under 100 characters").default(""),
  boroughCode: BoroughCode.optional(),
});
export type WardSearch = z.input<typeof WardSearch>;

/** The admin's list of every ward: part of a name, a ward code or a borough's name, a page at a time. */
export const AdminWardList = z.object({
  query: z.string().trim().max(100, "Keep the search under 100 characters").default(""),
  /** 1-based. */
  page: z.number().int().min(1, "Pages start at 1").default(1),
});
export type AdminWardList = z.input<typeof AdminWardList>;

/** A WGS84 point from the browser's geolocation ("use my location"), in decimal degrees. */
export const GeoPoint = z.object({
  lat: z.number().min(-90, "Latitude is between -90 and 90").max(90, "Latitude is between -90 and 90"),
  lon: z.number().min(-180, "Longitude is between -180 and 180").max(180, "Longitude is between -180 and 180"),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep this under ${max} characters`)
    .transform((value) => (value === "" ? null : value))
    .nullable();

/** What the public sees about a Safer Neighbourhoods Team: where it is based and how to contact it (Pledge point 2). */
export const TeamContactsInput = z.object({
  wardCode: WardCode,
  baseName: optionalText(120),
  baseAddress: optionalText(300),
  email: z
    .union([z.literal(""), z.email("Enter an email address like team@example.police.uk")])
    .transform((value) => (value === "" ? null : value))
    .nullable(),
  phone: optionalText(40),
  publicNote: optionalText(1000),
});
export type TeamContactsInput = z.input<typeof TeamContactsInput>;
