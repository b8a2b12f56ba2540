import { z } from "zod";

import { MeetingView } from "./meeting-view";

/** Output schemas of the public ward procedures: what we promise the public pages. */
const WardSummary = z.object({
  code: z.string(),
  name: z.string(),
  boroughCode: z.string(),
  boroughName: z.string(),
});
export const WardSummaryList = z.array(WardSummary);

const Geometry = z.union([
  z.object({ type: z.literal("Polygon"), coordinates: z.array(z.array(z.array(z.number()))) }),
  z.object({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
]);

export const PublicWardPage = z.object({
  ward: WardSummary.extend({ boundary: Geometry, label: z.tuple([z.number(), z.number()]) }),
  team: z.object({
    contacts: z
      .object({
        baseName: z.string().nullable(),
        baseAddress: z.string().nullable(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        publicNote: z.string().nullable(),
        updatedAt: z.date().nullable(),
      })
      .nullable(),
    officers: z.array(z.object({ id: z.number(), name: z.string(), rank: z.string() })),
  }),
  panel: z.object({ name: z.string(), chairName: z.string().nullable(), memberCount: z.number() }).nullable(),
  upcomingMeetings: z.array(MeetingView),
});
