import { runRetention } from "@wardpanel/db/queries/retention";

import { CliUsageError, type Command } from "../command";
import { withDatabase } from "../with-database";

export const retentionCommand: Command = {
  async run([sub, ...rest], cli) {
    if (sub !== "run" || rest.length > 0) throw new CliUsageError("Usage: pnpm cli retention run");
    const { RETENTION_MONTHS } = cli.settings();
    const removed = await withDatabase(cli, (db) =>
      runRetention(db, { now: new Date(), retentionMonths: RETENTION_MONTHS }),
    );
    cli.print(`Retention run (RETENTION_MONTHS=${RETENTION_MONTHS}):`);
    cli.print(`  expired sessions deleted                 ${removed.expiredSessions}`);
    cli.print(`  public sign-ins deleted                  ${removed.publicSignIns}`);
    cli.print(`  concern contact details cleared          ${removed.concernContacts}`);
    cli.print(`  message contact details cleared          ${removed.messageContacts}`);
    cli.print(`  unconfirmed subscriptions deleted        ${removed.unconfirmedSubscriptions}`);
    cli.print(`  unsubscribed addresses reduced to a hash ${removed.unsubscribedAddresses}`);
    return 0;
  },
};
