import { wardProcedure } from "../trpc";

/** The chair and the sergeant arrange their ward's meetings. */
export const organiser = wardProcedure(["sergeant", "chair"]);
/** Whoever keeps the record in the room: the organisers and the minute-taker. */
export const RECORDER_ROLES = ["sergeant", "chair", "minute_taker"] as const;
export const recorder = wardProcedure(RECORDER_ROLES);
/** Everyone on the ward's staff and panel can see its meetings and records. */
export const wardStaff = wardProcedure(["sergeant", "chair", "panel_member", "minute_taker"]);
/** Only the sergeant: flagging a priority for the 60-minute response commits the control room. */
export const sergeantOnly = wardProcedure(["sergeant"]);
