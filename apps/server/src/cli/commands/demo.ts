import { listDemoSignIns, seedDemo } from "@wardpanel/db/seed";
import { print, withDatabase, type Command } from "../command";

export const demoCommand: Command = {
  summary: "Load the demo borough (Camden) into a database that has no people yet",
  async run() {
    return withDatabase(async (db) => {
      if (!(await seedDemo(db))) {
        print("The database already has people in it: demo data not loaded.");
        return 1;
      }
      for (const s of listDemoSignIns(db)) print(`${s.role}: ${s.email} / ${s.password} (${s.wards})`);
      return 0;
    });
  },
};
