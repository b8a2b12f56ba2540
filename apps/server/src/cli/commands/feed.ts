import { parseArgs } from "node:util";

import { createApiKey, listApiKeys, revokeApiKey } from "@wardpanel/db/queries/api-keys";
import { BoroughCode } from "@wardpanel/validators";

import { type CliContext, CliUsageError, type Command } from "../command";
import { withDatabase } from "../with-database";

const USAGE = `Usage:
  pnpm cli api-keys create --name <control room> [--borough <E09…>]…   (no --borough: every borough)
  pnpm cli api-keys list
  pnpm cli api-keys revoke <id>`;

function create(cli: CliContext, args: string[]) {
  const { values } = parseArgs({
    args,
    options: { name: { type: "string" }, borough: { type: "string", multiple: true } },
  });
  const name = values.name?.trim();
  if (!name) throw new CliUsageError(`--name: name the control room the key is for\n\n${USAGE}`);
  const boroughCodes = (values.borough ?? []).map((code) => {
    const parsed = BoroughCode.safeParse(code);
    if (!parsed.success)
      throw new CliUsageError(`--borough ${code}: ${parsed.error.issues[0]?.message ?? "not a borough code"}`);
    return parsed.data;
  });
  return withDatabase(cli, (db) => {
    const { id, key } = createApiKey(db, { name, boroughCodes, now: new Date() });
    cli.print(
      `Created API key ${id} for ${name} (${boroughCodes.length > 0 ? boroughCodes.join(", ") : "every borough"}).`,
    );
    cli.print("Give the control room this key now: it is stored hashed and cannot be shown again.");
    cli.print(`  ${key}`);
    return 0;
  });
}

function list(cli: CliContext) {
  return withDatabase(cli, (db) => {
    const keys = listApiKeys(db);
    if (keys.length === 0)
      cli.print("No API keys yet. Create one with: pnpm cli api-keys create --name <control room>");
    for (const key of keys) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "live";
      const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : "never used";
      cli.print(
        `${key.id}\t${key.prefix}…\t${key.name}\t${key.boroughCodes.join(",") || "all boroughs"}\t${state}\t${used}`,
      );
    }
    return 0;
  });
}

function revoke(cli: CliContext, [id, ...rest]: string[]) {
  const number = Number(id);
  if (!id || rest.length > 0 || !Number.isSafeInteger(number) || number < 1) throw new CliUsageError(USAGE);
  return withDatabase(cli, (db) => {
    revokeApiKey(db, { id: number, now: new Date() });
    cli.print(`Revoked API key ${number}: the feed refuses it from now on.`);
    return 0;
  });
}

/** `pnpm cli api-keys …`: issue, list and revoke control rooms' keys to the priority feed. */
export const apiKeysCommand: Command = {
  async run([sub, ...rest], cli) {
    if (sub === "create") return create(cli, rest);
    if (sub === "list") return list(cli);
    if (sub === "revoke") return revoke(cli, rest);
    throw new CliUsageError(USAGE);
  },
};
