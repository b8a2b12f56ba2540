import { runRetention } from "@wardpanel/db/queries/retention";
import { readEnv } from "../../env";
import { CliUsageError, print, withDatabase, type Command } from "../command";

export const retentionCommand: Command = {
  summary: "retention run: delete personal data past its time now (the server does this daily)",
  async run([sub, ...rest]) {
    if (sub !== "run" || rest.length > 0) throw new CliUsageError("Usage: pnpm cli retention run");
    const { RETENTION_MONTHS } = readEnv();
    const removed = await withDatabase((db) => runRetention(db, { now: new Date(), retentionMonths: RETENTION_MONTHS }));
    print(`Retention run (RETENTION_MONTHS=${RETENTION_MONTHS}):`);
    print(`  expired sessions deleted                 ${removed.expiredSessions}`);
    print(`  public sign-ins deleted                  ${removed.publicSignIns}`);
    print(`  concern contact details cleared          ${removed.concernContacts}`);
    print(`  unconfirmed subscriptions deleted        ${removed.unconfirmedSubscriptions}`);
    print(`  unsubscribed addresses reduced to a hash ${removed.unsubscribedAddresses}`);
    return 0;
  },
};
