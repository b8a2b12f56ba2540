import { defined, type PoliceForceId, policeForceInSentence, type Role } from "@wardpanel/validators";
import { and, count, eq } from "drizzle-orm";

import type { Db } from "../client";
import { findUserByEmail, getAssignments } from "../queries/people";
import { loadDemoPostcodes } from "../reference/load-postcodes";
import { officers, users, wards } from "../schema";
import { hashOnce, seedPanel, seedTeam, seedUserWithHash } from "../testing/factories";
import { seedDemoMeetings } from "./demo-meetings";
import { seedDemoMessages } from "./demo-messages";
import { BELSIZE_PLACES } from "./demo-places";

/** Camden: 20 wards, and three of its ward names (Highgate, Kilburn, Regent's Park) exist in other boroughs too. */
export const DEMO_BOROUGH = { code: "E09000007", name: "Camden" };
export const DEMO_PASSWORD = "ward-panel-demo";

export type DemoSignIn = { role: string; email: string; password: string; wards: string };

const FIRST = [
  "Amara",
  "Ben",
  "Chloe",
  "Dev",
  "Ella",
  "Farid",
  "Grace",
  "Hamza",
  "Isla",
  "Jonah",
  "Keziah",
  "Liam",
  "Maya",
  "Nikhil",
  "Olu",
  "Priya",
  "Quentin",
  "Rosa",
  "Sami",
  "Tess",
];
const LAST = [
  "Adeyemi",
  "Brown",
  "Chen",
  "Dimitriou",
  "Evans",
  "Fernandes",
  "Gill",
  "Hussain",
  "Ivanova",
  "Jones",
  "Kowalski",
  "Lewis",
  "Murphy",
  "Nwosu",
  "O'Connor",
  "Patel",
  "Quinn",
  "Rahman",
  "Singh",
  "Taylor",
];
const BASES = [
  { baseName: "Holborn Police Station", baseAddress: "10 Lamb's Conduit Street, London WC1N 3NR" },
  { baseName: "Kentish Town Police Station", baseAddress: "12a Holmes Road, London NW5 3AE" },
  { baseName: "Hampstead Police Station", baseAddress: "26 Rosslyn Hill, London NW3 1PA" },
];

/** A stable, readable name for the n-th demo person. */
/** Panel members Belsize has beyond every ward's chair and six members. */
const BELSIZE_EXTRA_MEMBERS = 13;

function demoName(n: number): string {
  return `${FIRST[n % FIRST.length]} ${LAST[(n * 7 + Math.floor(n / FIRST.length)) % LAST.length]}`;
}

const slug = (name: string) =>
  name
    .toLowerCase()
    .replace(/[^a-z]+/g, ".")
    .replace(/^\.|\.$/g, "");

/**
 * Every Camden ward gets a panel with a chair and members and a team with a sergeant; one
 * sergeant covers two wards. Runs only on a database with no people; says whether it did.
 */
export async function seedDemo(db: Db): Promise<boolean> {
  const [people] = db.select({ n: count() }).from(users).all();
  if ((people?.n ?? 0) > 0) return false;

  const camden = db
    .select({ code: wards.code, name: wards.name })
    .from(wards)
    .where(eq(wards.boroughCode, DEMO_BOROUGH.code))
    .orderBy(wards.name)
    .all();
  if (camden.length === 0) throw new Error("Load the wards before the demo data");

  const password = DEMO_PASSWORD;
  const passwordHash = await hashOnce(password);
  // One transaction: a failure part-way leaves no half-made demo behind.
  db.transaction(() => seedDemoPeople(db, camden, passwordHash));
  // The chair's ward (the first by name) gets a year of meetings; each step is its own transaction.
  const lead = defined(camden[0], "a Camden ward");
  seedDemoMeetings(db, lead.code, lead.name, new Date());
  seedDemoMessages(db, lead.code, new Date());
  // Camden's postcodes, so "find your ward" answers "NW3 4QG" in the demo as it would live.
  await loadDemoPostcodes(db);
  return true;
}

const DEMO_ACCOUNTS = [
  { role: "Admin", email: "admin@demo.wardpanel.test" },
  { role: "Crime data analyst", email: "analyst@demo.wardpanel.test" },
  { role: "Sergeant", email: "sergeant@demo.wardpanel.test" },
  { role: "Team member (constable)", email: "constable@demo.wardpanel.test" },
  { role: "Chair", email: "chair@demo.wardpanel.test" },
  { role: "Panel member", email: "member@demo.wardpanel.test" },
  { role: "Minute-taker", email: "minutes@demo.wardpanel.test" },
];

/** The demo sign-ins present in this database, with the wards each works on, to print at start-up. */
export function listDemoSignIns(db: Db): DemoSignIn[] {
  return DEMO_ACCOUNTS.flatMap(({ role, email }) => {
    const user = findUserByEmail(db, email);
    if (!user) return [];
    const assignments = getAssignments(db, user.id);
    const wardNames = assignments.flatMap((a) => (a.wardName ? [a.wardName] : []));
    const forces = assignments.flatMap((a) => (a.force ? [policeForceInSentence(a.force)] : []));
    return [
      {
        role,
        email,
        password: DEMO_PASSWORD,
        wards: wardNames.length > 0 ? wardNames.join(", ") : forces.length > 0 ? forces.join(", ") : "all wards",
      },
    ];
  });
}

function seedDemoPeople(db: Db, camden: { code: string; name: string }[], passwordHash: string): void {
  const password = DEMO_PASSWORD;
  let n = 0;
  const person = (roles: { role: Role; wardCode: string | null; force?: PoliceForceId }[], email?: string) => {
    const name = demoName(n++);
    return seedUserWithHash(
      db,
      { name, email: email ?? `${slug(name)}.${n}@demo.wardpanel.test`, password, roles },
      passwordHash,
    );
  };

  person([{ role: "admin", wardCode: null }], "admin@demo.wardpanel.test");

  for (let w = 0; w < camden.length; w += 2) {
    const pair = camden.slice(w, w + 2);
    const first = w === 0;
    const sergeant = person(
      pair.map((ward) => ({ role: "sergeant" as const, wardCode: ward.code })),
      first ? "sergeant@demo.wardpanel.test" : undefined,
    );

    for (const [index, ward] of pair.entries()) {
      seedPanel(db, ward.code);
      // The lead ward's team is based in the ward itself (demo-places.ts); the others share stations.
      const base =
        first && index === 0
          ? { baseName: BELSIZE_PLACES.teamBase.name, baseAddress: BELSIZE_PLACES.teamBase.address }
          : defined(BASES[(w / 2) % BASES.length], "a demo base");
      seedTeam(db, ward.code, {
        ...base,
        email: `${slug(ward.name)}.snt@met.police.example`,
        phone: "101",
        publicNote: "For an emergency always call 999. For anything else, call 101 or use the contact details here.",
        officers: [
          { name: `PS ${sergeant.name}`, rank: "Sergeant", userId: sergeant.id },
          { name: `PC ${demoName(n + 40)}`, rank: "Police Constable" },
          { name: `PCSO ${demoName(n + 41)}`, rank: "PCSO" },
        ],
      });
      const lead = first && index === 0;
      person([{ role: "chair", wardCode: ward.code }], lead ? "chair@demo.wardpanel.test" : undefined);
      for (let m = 0; m < 6; m++) {
        person(
          [{ role: "panel_member", wardCode: ward.code }],
          lead && m === 0 ? "member@demo.wardpanel.test" : undefined,
        );
      }
      if (lead) person([{ role: "minute_taker", wardCode: ward.code }], "minutes@demo.wardpanel.test");
    }
  }
  // Camden is policed by the Met: its analyst imports the police.uk months the packs are built from.
  person([{ role: "analyst", wardCode: null, force: "metropolitan" }], "analyst@demo.wardpanel.test");
  // A constable of the first ward's team, who answers its messages (added last, so no other demo name moves).
  const lead = defined(camden[0], "a Camden ward");
  const constable = person([{ role: "team_member", wardCode: lead.code }], "constable@demo.wardpanel.test");
  // Belsize's panel is a big one (20 voting members), so its ranked vote has ballots enough to show
  // transfers between rounds (added last, so no other demo name moves).
  for (let m = 0; m < BELSIZE_EXTRA_MEMBERS; m++) person([{ role: "panel_member", wardCode: lead.code }]);
  // The constable the ward page names is the one who answers its messages.
  db.update(officers)
    .set({ name: `PC ${constable.name}`, userId: constable.id })
    .where(and(eq(officers.wardCode, lead.code), eq(officers.rank, "Police Constable")))
    .run();
}
