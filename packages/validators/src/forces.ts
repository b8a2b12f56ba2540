import { z } from "zod";

import { defined } from "./defined";

/**
 * Every police force whose police.uk files Ward Panel imports: the 43 territorial forces of England
 * and Wales and the British Transport Police, by police.uk id and name
 * (https://data.police.uk/api/forces; BTP is `btp`, not listed there but used by the API's
 * `location_type: "BTP"` and its own CSVs). `name` is what police.uk writes in a file's
 * "Reported by" and "Falls within" columns; `fileNames` lists other spellings the files have used.
 * A deployment names its own force with POLICE_FORCE_ID (decision 0023); @wardpanel/crime-data
 * holds the London forces' borough areas, and a test in @wardpanel/packs checks the lists agree.
 */
export const POLICE_FORCES = [
  { id: "avon-and-somerset", name: "Avon and Somerset Constabulary" },
  { id: "bedfordshire", name: "Bedfordshire Police" },
  { id: "cambridgeshire", name: "Cambridgeshire Constabulary" },
  { id: "cheshire", name: "Cheshire Constabulary" },
  { id: "city-of-london", name: "City of London Police", article: "the" },
  { id: "cleveland", name: "Cleveland Police" },
  { id: "cumbria", name: "Cumbria Constabulary" },
  { id: "derbyshire", name: "Derbyshire Constabulary" },
  { id: "devon-and-cornwall", name: "Devon & Cornwall Police", fileNames: ["Devon and Cornwall Police"] },
  { id: "dorset", name: "Dorset Police" },
  { id: "durham", name: "Durham Constabulary" },
  { id: "dyfed-powys", name: "Dyfed-Powys Police" },
  { id: "essex", name: "Essex Police" },
  { id: "gloucestershire", name: "Gloucestershire Constabulary" },
  { id: "greater-manchester", name: "Greater Manchester Police" },
  { id: "gwent", name: "Gwent Police" },
  { id: "hampshire", name: "Hampshire Constabulary", fileNames: ["Hampshire and Isle of Wight Constabulary"] },
  { id: "hertfordshire", name: "Hertfordshire Constabulary" },
  { id: "humberside", name: "Humberside Police" },
  { id: "kent", name: "Kent Police" },
  { id: "lancashire", name: "Lancashire Constabulary" },
  { id: "leicestershire", name: "Leicestershire Police" },
  { id: "lincolnshire", name: "Lincolnshire Police" },
  { id: "merseyside", name: "Merseyside Police" },
  { id: "metropolitan", name: "Metropolitan Police Service", article: "the" },
  { id: "norfolk", name: "Norfolk Constabulary" },
  { id: "north-wales", name: "North Wales Police" },
  { id: "north-yorkshire", name: "North Yorkshire Police" },
  { id: "northamptonshire", name: "Northamptonshire Police" },
  { id: "northumbria", name: "Northumbria Police" },
  { id: "nottinghamshire", name: "Nottinghamshire Police" },
  { id: "south-wales", name: "South Wales Police" },
  { id: "south-yorkshire", name: "South Yorkshire Police" },
  { id: "staffordshire", name: "Staffordshire Police" },
  { id: "suffolk", name: "Suffolk Constabulary" },
  { id: "surrey", name: "Surrey Police" },
  { id: "sussex", name: "Sussex Police" },
  { id: "thames-valley", name: "Thames Valley Police" },
  { id: "warwickshire", name: "Warwickshire Police" },
  { id: "west-mercia", name: "West Mercia Police" },
  { id: "west-midlands", name: "West Midlands Police" },
  { id: "west-yorkshire", name: "West Yorkshire Police" },
  { id: "wiltshire", name: "Wiltshire Police" },
  { id: "btp", name: "British Transport Police", railway: true, article: "the" },
] as const satisfies readonly PoliceForce[];

type PoliceForce = {
  id: string;
  name: string;
  /** Other spellings police.uk files have written in "Reported by" / "Falls within". */
  fileNames?: readonly string[];
  /** "the" where a sentence says "the Metropolitan Police Service"; none for "Leicestershire Police". */
  article?: "the";
  /** Polices the railways, not an area: its crimes are shown as "railway crime" in the wards they fall in. */
  railway?: boolean;
};

export type PoliceForceId = (typeof POLICE_FORCES)[number]["id"];

export const PoliceForceId = z.enum(POLICE_FORCES.map((f) => f.id) as [PoliceForceId, ...PoliceForceId[]], {
  message: "Choose a police force by its police.uk id, like metropolitan, leicestershire or btp",
});

/** The force a force-wide procedure acts on, checked against the caller's roles before it runs. */
export const ForceRef = z.object({ force: PoliceForceId });
export type ForceRef = z.infer<typeof ForceRef>;

/** The police.uk name of a force id ("metropolitan" → "Metropolitan Police Service"). */
export function policeForceName(id: PoliceForceId): string {
  return defined(
    POLICE_FORCES.find((f) => f.id === id),
    `the force "${id}"`,
  ).name;
}

/**
 * A force's name as a sentence uses it: "the Metropolitan Police Service", "the British Transport
 * Police", but "Leicestershire Police", "Kent Police" (a county's force takes no article).
 */
export function policeForceInSentence(id: PoliceForceId): string {
  const force = defined(
    POLICE_FORCES.find((f) => f.id === id),
    `the force "${id}"`,
  );
  return "article" in force ? `${force.article} ${force.name}` : force.name;
}

/**
 * What "every ward" is on staff pages for a deployment whose own force is `homeForceId`: "London"
 * for London's two forces (whose wards the shipped file holds), else the force's area
 * ("Leicestershire Police's area").
 */
export function deploymentAreaName(homeForceId: PoliceForceId): string {
  return homeForceId === "metropolitan" || homeForceId === "city-of-london"
    ? "London"
    : `${policeForceName(homeForceId)}'s area`;
}

/** Case, spacing and "&" / "and" differ between police.uk's files over the years. */
function comparable(name: string): string {
  return name.trim().toLowerCase().replace(/&/g, "and").replace(/\s+/g, " ");
}

/**
 * The id of a force named as police.uk writes it in a file ("Leicestershire Police", also
 * "devon and cornwall police"), or its id itself; null for a name that is no England and Wales force.
 */
export function policeForceIdOf(name: string): PoliceForceId | null {
  const wanted = comparable(name);
  const force = POLICE_FORCES.find(
    (f) =>
      f.id === wanted ||
      comparable(f.name) === wanted ||
      ("fileNames" in f && f.fileNames.some((alias) => comparable(alias) === wanted)),
  );
  return force?.id ?? null;
}

/** True for the British Transport Police: crime on the railways, not in an area of its own. */
export function isRailwayForce(id: PoliceForceId): boolean {
  return POLICE_FORCES.some((f) => f.id === id && "railway" in f && f.railway);
}

/**
 * Which words a force's public pages, e-mails and packs use for its teams and districts (issue 13):
 * "london" for the Metropolitan Police Service and the City of London Police (a "Safer Neighbourhoods
 * Team" in each ward, "boroughs"), "elsewhere" for every other force ("Neighbourhood Policing Team",
 * "districts", the ONS local authority districts). The catalogues hold both sets of words: `force`
 * (London's) and `forceElsewhere`.
 */
export type ForceWords = "london" | "elsewhere";

export function forceWordsOf(id: PoliceForceId | null | undefined): ForceWords {
  return id && id !== "metropolitan" && id !== "city-of-london" && id !== "btp" ? "elsewhere" : "london";
}
