import { parseArgs } from "node:util";

import {
  COLUMN_FLAGS,
  COORDINATE_SYSTEM_NAMES,
  isDistrictOutsideForce,
  WardBoundaryError,
  type WardColumnFlags,
} from "@wardpanel/crime-data";
import {
  applyWardLoad,
  LONDON_WARDS_PATH,
  planWardLoad,
  type WardFileOptions,
  type WardLoadPlan,
  type WardOverlap,
} from "@wardpanel/db/reference";
import { type PoliceForceId, policeForceName } from "@wardpanel/validators";

import { fromInvocation } from "../../invocation-path";
import { CliUsageError, type Command } from "../command";
import { withDatabase } from "../with-database";

const WARDS_USAGE =
  "load [--file <wards.geojson|wards.shp>] [--check] [--outside-force] [--in-force-from <YYYY-MM-DD>] [--borough-code <code> --borough-name <name>] [--code-property <name>] [--name-property <name>] [--welsh-name-property <name>] [--borough-code-property <name>] [--borough-name-property <name>]";

const PROPERTY_FLAGS = Object.fromEntries(
  Object.values(COLUMN_FLAGS).map((flag) => [flag.slice(2), { type: "string" } as const]),
);

/**
 * `pnpm cli wards load [--file <path>] [--check] […]`: loads (or, with --check, only describes
 * loading) a ward boundary file: GeoJSON or Shapefile, any ONS release's property names or those
 * named by flag, WGS84 or British National Grid (reprojected). Without --file, the shipped London
 * wards. A file it cannot load is refused whole (exit 1), naming the problem; nothing is written.
 * Wards outside the force's area (POLICE_FORCE_ID) are refused (exit 2) without --outside-force.
 * The file replaces the ward set of the boroughs it covers: their wards not in the file are
 * retired on --in-force-from (default today), kept readable, and listed with the new wards that
 * overlap them most (decision 0026).
 */
export const wardsCommand: Command = {
  async run(args, cli) {
    const { positionals, values } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        file: { type: "string" },
        check: { type: "boolean" },
        "outside-force": { type: "boolean" },
        "in-force-from": { type: "string" },
        "borough-code": { type: "string" },
        "borough-name": { type: "string" },
        ...PROPERTY_FLAGS,
      },
    });
    if (positionals[0] !== "load" || positionals.length > 1)
      throw new CliUsageError(`Usage: pnpm cli wards ${WARDS_USAGE}`);
    const file = values.file === undefined ? LONDON_WARDS_PATH : fromInvocation(values.file);
    const columns: WardColumnFlags = {};
    for (const [key, flag] of Object.entries(COLUMN_FLAGS) as Array<[keyof WardColumnFlags, string]>) {
      const given = (values as Record<string, unknown>)[flag.slice(2)];
      if (typeof given === "string") columns[key] = given;
    }
    const options: WardFileOptions = {
      columns,
      borough: { code: values["borough-code"], name: values["borough-name"] },
    };
    const check = values.check === true;
    return withDatabase(
      cli,
      (db) => {
        let plan: WardLoadPlan;
        try {
          plan = planWardLoad(db, file, options, { inForceFrom: values["in-force-from"] });
        } catch (error) {
          if (!(error instanceof WardBoundaryError)) throw error;
          cli.printError(error.message);
          cli.printError("Nothing was loaded.");
          return 1;
        }
        for (const line of describePlan(plan)) cli.print(line);
        const outside = outsideForceWarning(plan, cli.dataSettings().POLICE_FORCE_ID);
        if (outside) cli.printError(outside);
        if (check) {
          if (outside && values["outside-force"] !== true)
            cli.printError("Loading them will be refused unless you add --outside-force.");
          cli.print(
            `Checked only: nothing was written. Run again without --check to load ${plan.boundaries.wards.length} wards.`,
          );
          return 0;
        }
        if (outside && values["outside-force"] !== true) {
          cli.printError(
            "Not loaded: nothing was written. If these wards are meant for this force's site, run again with --outside-force.",
          );
          return 2;
        }
        const loaded = applyWardLoad(db, plan);
        cli.print(`Loaded ${loaded} wards from ${file}. A running server uses them for its next import.`);
        return 0;
      },
      { loadShippedWards: false },
    );
  },
};

/** What the file holds and what loading it does, in the operator's words. */
function describePlan(plan: WardLoadPlan): string[] {
  const { boundaries: b, added, updated, unchanged, boroughs, unretired, retired, retiredOn } = plan;
  const c = b.columns;
  const named = [`${c.code} (code)`, `${c.name} (name)`, ...(c.welshName ? [`${c.welshName} (Welsh name)`] : [])].join(
    ", ",
  );
  const system = COORDINATE_SYSTEM_NAMES[b.coordinateSystem.system];
  return [
    `${b.path}: ${b.format}, ${b.wards.length} wards; properties ${named}; borough from ${b.boroughFrom}.`,
    `Coordinates: ${system}, from the ${b.coordinateSystem.detectedFrom}${b.reprojected ? `; reprojected to ${COORDINATE_SYSTEM_NAMES.wgs84}` : ""}.`,
    `Boroughs: ${boroughs.map((x) => `${x.name} (${x.code}${x.isNew ? ", new" : ""}, ${x.wards} wards)`).join("; ")}.`,
    `Wards: ${added.length} to add, ${updated.length} to update, ${unchanged} unchanged.`,
    ...(unretired.length > 0 ? [`Back in force (retired by an earlier load): ${unretired.join(", ")}.`] : []),
    ...(retired.length > 0
      ? [`To retire on ${retiredOn} (not in the file; kept readable as former wards): ${retired.length}.`]
      : []),
    ...retired.map(
      (w) =>
        `  ${w.name} (${w.code}) is now in ${
          w.overlaps.length === 0 ? "no ward of the file" : w.overlaps.map(describeOverlap).join(", ")
        }.`,
    ),
  ];
}

/**
 * A warning when the file's districts lie outside the deployment's force (isDistrictOutsideForce:
 * Cardiff's wards loaded for Leicestershire Police), naming how many wards and which districts,
 * or null. Loading them is refused (exit 2, nothing written: a typo would load a whole wrong area into
 * a force's site) unless --outside-force says the operator means it (a neighbouring district shared).
 */
function outsideForceWarning(plan: WardLoadPlan, forceId: PoliceForceId): string | null {
  const outside = plan.boroughs.filter((b) => isDistrictOutsideForce(forceId, b.code));
  if (outside.length === 0) return null;
  const wards = outside.reduce((sum, b) => sum + b.wards, 0);
  const names = outside.map((b) => `${b.name} (${b.code}, ${b.wards} wards)`).join("; ");
  return `Warning: ${wards} of the file's ${plan.boundaries.wards.length} wards are in local authorities outside ${policeForceName(forceId)}'s area (POLICE_FORCE_ID=${forceId}): ${names}. Check POLICE_FORCE_ID and the file before loading them.`;
}

/** "Bloomsbury (E05013653) 62%": a successor and the share of the retired ward it covers. */
function describeOverlap(o: WardOverlap): string {
  const percent = o.share >= 0.995 ? "100" : o.share < 0.01 ? "under 1" : String(Math.round(o.share * 100));
  return `${o.name} (${o.code}) ${percent}%`;
}
