import { listDemoSignIns, seedDemo } from "@wardpanel/db/seed";

import type { Command } from "../command";
import { withDatabase } from "../with-database";

export const demoCommand: Command = {
  async run(_args, cli) {
    return withDatabase(cli, async (db) => {
      if (!(await seedDemo(db))) {
        cli.print("The database already has people in it: demo data not loaded.");
        return 1;
      }
      for (const s of listDemoSignIns(db)) cli.print(`${s.role}: ${s.email} / ${s.password} (${s.wards})`);
      return 0;
    });
  },
};
