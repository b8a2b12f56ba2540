import { hashPassword } from "@wardpanel/auth";
import type { AreaGeometry, PoliceForceId, PriorityFields, Role } from "@wardpanel/validators";
import { eq } from "drizzle-orm";

import type { Db } from "../client";
import { endMeeting, startMeeting } from "../queries/live";
import { createMeeting, type MeetingDetails, publishMeeting } from "../queries/meetings";
import { approveMinutes, circulateMinutes, draftMinutes, publishMinutes } from "../queries/minutes";
import { ensurePanel, saveTeamContacts, type TeamContacts } from "../queries/panels";
import { createUser, grantRole } from "../queries/people";
import { createPriority, publishPriority, setCallHandling } from "../queries/priorities";
import { type OFFICER_RANKS, officers, wards } from "../schema";

/**
 * Factories shared by tests and the demo seed, so the demo exercises exactly what tests do.
 * `build*` returns plain values; `seed*` writes them.
 */

let sequence = 0;
const nextNumber = () => ++sequence;

/** Argon2id is deliberately slow: hash each distinct password once per process. */
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string): Promise<string> {
  let hashed = hashes.get(password);
  if (!hashed) {
    hashed = hashPassword(password);
    hashes.set(password, hashed);
  }
  return hashed;
}

export const TEST_PASSWORD = "test-password-123";

type UserOverrides = {
  email?: string;
  name?: string;
  /** null leaves the person without a password, as after an invitation not yet accepted. */
  password?: string | null;
  roles?: { role: Role; wardCode?: string | null; force?: PoliceForceId | null; boroughCode?: string | null }[];
};

function buildUser(overrides: UserOverrides = {}) {
  const n = nextNumber();
  return {
    email: overrides.email ?? `person${n}@example.test`,
    name: overrides.name ?? `Test Person ${n}`,
    password: overrides.password === undefined ? TEST_PASSWORD : overrides.password,
    roles: overrides.roles ?? [],
  };
}

export async function seedUser(db: Db, overrides: UserOverrides = {}) {
  const passwordHash = overrides.password === null ? null : await cachedHash(overrides.password ?? TEST_PASSWORD);
  return seedUserWithHash(db, overrides, passwordHash);
}

/** The synchronous half of seedUser, for seeding many people inside one transaction. */
export function seedUserWithHash(db: Db, overrides: UserOverrides, passwordHash: string | null) {
  const user = buildUser(overrides);
  const id = createUser(db, { email: user.email, name: user.name, passwordHash });
  for (const { role, wardCode = null, force = null, boroughCode = null } of user.roles)
    grantRole(db, { userId: id, role, wardCode, force, boroughCode });
  return { id, email: user.email.toLowerCase(), name: user.name, password: user.password };
}

export function hashOnce(password: string): Promise<string> {
  return cachedHash(password);
}

export function seedPanel(db: Db, wardCode: string, name?: string): number {
  const ward = db.select({ name: wards.name }).from(wards).where(eq(wards.code, wardCode)).get();
  return ensurePanel(db, wardCode, name ?? `${ward?.name ?? wardCode} Ward Panel`);
}

type TeamOverrides = Partial<TeamContacts> & {
  officers?: { name: string; rank: (typeof OFFICER_RANKS)[number]; userId?: number | null }[];
};

export function seedTeam(db: Db, wardCode: string, overrides: TeamOverrides = {}) {
  const { officers: team = [], ...contacts } = overrides;
  saveTeamContacts(
    db,
    wardCode,
    {
      baseName: contacts.baseName ?? "Local police station",
      baseAddress: contacts.baseAddress ?? null,
      email: contacts.email ?? `${wardCode.toLowerCase()}.snt@example.police.uk`,
      phone: contacts.phone ?? "101",
      publicNote: contacts.publicNote ?? null,
    },
    new Date(),
  );
  team.forEach((officer, index) =>
    db
      .insert(officers)
      .values({ wardCode, name: officer.name, rank: officer.rank, userId: officer.userId ?? null, sortOrder: index })
      .run(),
  );
}

/** A ward panel meeting at a real, accessible venue: the details every meeting test starts from. */
export function buildMeetingDetails(overrides: Partial<MeetingDetails> = {}): MeetingDetails {
  return {
    kind: "panel_meeting",
    title: "Bloomsbury ward panel meeting",
    startTime: "19:00",
    endTime: "20:30",
    venueName: "Holborn Library",
    venueAddress: "32-38 Theobalds Road, London WC1X 8PA",
    stepFreeAccess: true,
    hearingLoop: true,
    nearestTransport: "Chancery Lane station",
    onlineUrl: "",
    invited: "Everyone who lives or works in the ward",
    ...overrides,
  };
}

/** An advertised meeting on a London date: the starting point of every live-meeting test. */
export function seedPublishedMeeting(
  db: Db,
  params: { wardCode: string; date: string; now: Date; details?: Partial<MeetingDetails> },
): number {
  const meetingId = createMeeting(db, {
    wardCode: params.wardCode,
    date: params.date,
    details: buildMeetingDetails(params.details),
    createdBy: null,
    now: params.now,
  });
  publishMeeting(db, { wardCode: params.wardCode, meetingId, now: params.now });
  return meetingId;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Meetings a ward has held, on London dates oldest first: each advertised two weeks before and
 * started on the day; the minutes of each but the last are approved at the next and published the
 * day after it, so the last is held with its minutes still to come. Returns the ids, oldest first.
 */
export function seedMeetingHistory(
  db: Db,
  params: { wardCode: string; dates: string[]; details?: Partial<MeetingDetails> },
): number[] {
  const { wardCode } = params;
  const ids = params.dates.map((date) => {
    const day = new Date(`${date}T19:00:00Z`);
    const meetingId = seedPublishedMeeting(db, {
      wardCode,
      date,
      now: new Date(day.getTime() - 14 * DAY_MS),
      details: params.details,
    });
    startMeeting(db, { wardCode, meetingId, now: day });
    return { meetingId, day };
  });
  ids.forEach(({ meetingId, day }, i) => {
    const next = ids[i + 1];
    if (!next) return;
    const p = { wardCode, meetingId, by: null };
    endMeeting(db, { ...p, now: new Date(day.getTime() + DAY_MS) });
    draftMinutes(db, { ...p, now: new Date(day.getTime() + DAY_MS) });
    circulateMinutes(db, { ...p, now: new Date(day.getTime() + 2 * DAY_MS) });
    approveMinutes(db, { ...p, atMeetingId: next.meetingId, now: new Date(next.day.getTime() + 10 * 60 * 1000) });
    publishMinutes(db, { ...p, now: new Date(next.day.getTime() + DAY_MS) });
  });
  return ids.map((m) => m.meetingId);
}

/** A panel with a chair and `members` panel members, none with a password: for attendance and quorum. */
export function seedPanelWithMembers(db: Db, wardCode: string, members: number) {
  seedPanel(db, wardCode);
  const chair = seedUserWithHash(db, { roles: [{ role: "chair", wardCode }] }, null);
  const others = Array.from({ length: members }, () =>
    seedUserWithHash(db, { roles: [{ role: "panel_member", wardCode }] }, null),
  );
  return { chair, members: others, everyone: [chair, ...others] };
}

/** A small square area (about 300 m across) around a ward's inside point, as a drawn priority area. */
export function squareAroundWard(db: Db, wardCode: string, halfSide = 0.0015): AreaGeometry {
  const ward = db
    .select({ lon: wards.labelLon, lat: wards.labelLat })
    .from(wards)
    .where(eq(wards.code, wardCode))
    .get();
  if (!ward) throw new Error(`No ward ${wardCode}`);
  const { lon, lat } = ward;
  return {
    type: "Polygon",
    coordinates: [
      [
        [lon - halfSide, lat - halfSide],
        [lon + halfSide, lat - halfSide],
        [lon + halfSide, lat + halfSide],
        [lon - halfSide, lat + halfSide],
        [lon - halfSide, lat - halfSide],
      ],
    ],
  };
}

/**
 * The default review date: 90 days after today on the real clock, so a priority seeded "now" is
 * still in review (and flagged, decision 0029) whenever the tests run. Tests that assert a review
 * date pass their own.
 */
const DEFAULT_REVIEW_DATE = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);

/** A specific priority, ready to publish: every field a sergeant must fill. */
export function buildPriorityFields(overrides: Partial<PriorityFields> = {}): PriorityFields {
  return {
    title: "Drug dealing in Russell Square gardens",
    problem: "Residents see drug dealing near the children's play area most evenings.",
    category: "drugs",
    area: null,
    streets: ["Bernard Street"],
    postcodes: ["WC1N 1LJ"],
    placeName: "Russell Square gardens",
    wantedAction: "Regular evening patrols and work with the gardens' managers on lighting.",
    successMeasure: "Fewer reports of dealing from residents by the review date.",
    startDate: "2026-11-01",
    reviewDate: DEFAULT_REVIEW_DATE,
    owner: "PS Okafor",
    ...overrides,
  };
}

/** An active, published priority (flagged for the 60-minute response when it has an area). */
export function seedActivePriority(
  db: Db,
  params: { wardCode: string; now: Date; fields?: Partial<PriorityFields>; isCallHandlingFlagged?: boolean },
): number {
  const priorityId = createPriority(db, {
    wardCode: params.wardCode,
    fields: buildPriorityFields(params.fields),
    now: params.now,
  });
  if (params.isCallHandlingFlagged)
    setCallHandling(db, { wardCode: params.wardCode, priorityId, isFlagged: true, now: params.now });
  publishPriority(db, { wardCode: params.wardCode, priorityId, now: params.now });
  return priorityId;
}
