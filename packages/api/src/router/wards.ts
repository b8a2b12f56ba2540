import { forceIdForBorough } from "@wardpanel/crime-data";
import { listWardsForAdmin } from "@wardpanel/db/queries/admin-wards";
import { canWardTakeConcerns } from "@wardpanel/db/queries/concerns";
import { findWardAtPoint, findWards } from "@wardpanel/db/queries/find-wards";
import { getFormerWard } from "@wardpanel/db/queries/former-wards";
import { listPublicMeetings } from "@wardpanel/db/queries/meetings";
import { getWardResponseFigure } from "@wardpanel/db/queries/message-figures";
import { addOfficer, removeOfficer, updateOfficer } from "@wardpanel/db/queries/officers";
import { getPanelRoster, getTeam, saveTeamContacts } from "@wardpanel/db/queries/panels";
import { canWardTakeMessages } from "@wardpanel/db/queries/team-messages";
import { getWard, listBoroughs } from "@wardpanel/db/queries/wards";
import {
  AddOfficerInput,
  adminBoroughs,
  AdminWardList,
  GeoPoint,
  holdsAdmin,
  OfficerRef,
  POLICE_FORCES,
  PoliceForceId,
  TeamContactsInput,
  UpdateOfficerInput,
  WardRef,
  WardSearch,
} from "@wardpanel/validators";
import { z } from "zod";

import { anyAdminProcedure, createTRPCRouter, publicProcedure, wardProcedure } from "../trpc";
import { toPublicMeetingView } from "./meeting-view";
import { PublicWardPage, WardAtPointResult, WardSearchResult } from "./wards-output";

export const wardsRouter = createTRPCRouter({
  /** Find your ward: one query string read as a postcode, sector, outward code or (forgivingly) a ward or borough name. */
  search: publicProcedure
    .input(WardSearch)
    .output(WardSearchResult)
    .query(({ ctx, input }) => findWards(ctx.db, input)),

  /** "Use my location": the ward containing the browser's point (point in polygon on our boundaries). */
  atPoint: publicProcedure
    .input(GeoPoint)
    .output(WardAtPointResult)
    .query(({ ctx, input }) => findWardAtPoint(ctx.db, input)),

  /** The admin's home: every ward in force, searchable by name, code or borough, a page at a time. */
  /** Every ward for a force-wide admin; a borough admin's boroughs only (decision 0040). */
  adminList: anyAdminProcedure.input(AdminWardList).query(({ ctx, input }) =>
    listWardsForAdmin(ctx.db, {
      ...input,
      boroughCodes: holdsAdmin(ctx.viewer.roles) ? null : adminBoroughs(ctx.viewer.roles),
    }),
  ),

  /** London's boroughs by name, each with the police force that polices it (whose analysts draft its packs). */
  boroughs: publicProcedure
    .output(z.array(z.object({ code: z.string(), name: z.string(), force: PoliceForceId.nullable() })))
    .query(({ ctx }) =>
      listBoroughs(ctx.db).map((b) => ({
        ...b,
        force: POLICE_FORCES.find((f) => f.id === forceIdForBorough(b.code, ctx.policeForceId))?.id ?? null,
      })),
    ),

  /** Everything the public ward page shows (Pledge point 2: who the team is and how to reach it). */
  page: publicProcedure
    .input(WardRef)
    .output(PublicWardPage)
    .query(({ ctx, input }) => {
      const { boundary, labelLon, labelLat, retiredOn: _retiredOn, ...ward } = getWard(ctx.db, input.wardCode);
      const roster = getPanelRoster(ctx.db, input.wardCode);
      return {
        ward: { ...ward, boundary, label: [labelLon, labelLat] as [number, number] },
        former: getFormerWard(ctx.db, input.wardCode),
        team: getTeam(ctx.db, input.wardCode),
        panel: roster.panel && {
          name: roster.panel.name,
          // Residents on a panel are named only if they chair it; members are counted.
          chairName: roster.members.find((m) => m.role === "chair")?.name ?? null,
          memberCount: roster.members.length,
        },
        takesConcerns: canWardTakeConcerns(ctx.db, input.wardCode),
        takesMessages: canWardTakeMessages(ctx.db, input.wardCode),
        responseFigure: getWardResponseFigure(ctx.db, {
          wardCode: input.wardCode,
          targetHours: ctx.responseTargetHours,
          now: ctx.now(),
        }),
        upcomingMeetings: listPublicMeetings(ctx.db, input.wardCode, ctx.now()).map(toPublicMeetingView),
      };
    }),

  /** The panel with contact details, for the people who work with it. */
  panel: wardProcedure("seeWard").query(({ ctx, input }) => ({
    ward: getWard(ctx.db, input.wardCode),
    ...getPanelRoster(ctx.db, input.wardCode),
  })),

  updateTeamContacts: wardProcedure("editTeamContacts")
    .input(TeamContactsInput)
    .mutation(({ ctx, input: { wardCode, ...contacts } }) => {
      saveTeamContacts(ctx.db, wardCode, contacts, ctx.now());
      return getTeam(ctx.db, wardCode);
    }),

  /** The sergeant adds an officer to the team's list the public sees (at `position` when undoing a removal). */
  addOfficer: wardProcedure("editTeamContacts")
    .input(AddOfficerInput)
    .mutation(({ ctx, input }) => ({ officerId: addOfficer(ctx.db, input) })),

  /** The sergeant corrects an officer's name, rank or e-mail address. */
  updateOfficer: wardProcedure("editTeamContacts")
    .input(UpdateOfficerInput)
    .mutation(({ ctx, input }) => updateOfficer(ctx.db, input)),

  /** The sergeant takes an officer off the list; the answer is what the page's Undo adds back. */
  removeOfficer: wardProcedure("editTeamContacts")
    .input(OfficerRef)
    .mutation(({ ctx, input }) => removeOfficer(ctx.db, input)),
});
