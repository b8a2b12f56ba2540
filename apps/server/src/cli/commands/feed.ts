import { parseArgs } from "node:util";
import { createApiKey, listApiKeys, revokeApiKey } from "@wardpanel/db/queries/api-keys";
import { BoroughCode } from "@wardpanel/validators";
import { CliUsageError, print, withDatabase, type Command } from "../command";

const USAGE = `Usage:
  pnpm cli api-keys create --name <control room> [--borough <E09…>]…   (no --borough: all of London)
  pnpm cli api-keys list
  pnpm cli api-keys revoke <id>`;

function create(args: string[]) {
  const { values } = parseArgs({ args, options: { name: { type: "string" }, borough: { type: "string", multiple: true } } });
  if (!values.name?.trim()) throw new CliUsageError(`--name: name the control room the key is for\n\n${USAGE}`);
  const boroughCodes = (values.borough ?? []).map((code) => {
    const parsed = BoroughCode.safeParse(code);
    if (!parsed.success) throw new CliUsageError(`--borough ${code}: ${parsed.error.issues[0]?.message ?? "not a borough code"}`);
    return parsed.data;
  });
  return withDatabase((db) => {
    const { id, key } = createApiKey(db, { name: values.name!, boroughCodes, now: new Date() });
    print(`Created API key ${id} for ${values.name!.trim()} (${boroughCodes.length > 0 ? boroughCodes.join(", ") : "all of London"}).`);
    print("Give the control room this key now: it is stored hashed and cannot be shown again.");
    print(`  ${key}`);
    return 0;
  });
}

function list() {
  return withDatabase((db) => {
    const keys = listApiKeys(db);
    if (keys.length === 0) print("No API keys yet. Create one with: pnpm cli api-keys create --name <control room>");
    for (const key of keys) {
      const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : "live";
      const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : "never used";
      print(`${key.id}\t${key.prefix}…\t${key.name}\t${key.boroughCodes.join(",") || "all boroughs"}\t${state}\t${used}`);
    }
    return 0;
  });
}

function revoke([id, ...rest]: string[]) {
  const number = Number(id);
  if (!id || rest.length > 0 || !Number.isSafeInteger(number) || number < 1) throw new CliUsageError(USAGE);
  return withDatabase((db) => {
    revokeApiKey(db, { id: number, now: new Date() });
    print(`Revoked API key ${number}: the feed refuses it from now on.`);
    return 0;
  });
}

/** `pnpm cli api-keys …`: issue, list and revoke control rooms' keys to the priority feed. */
export const FEED_COMMANDS: Record<string, Command> = {
  "api-keys": {
    summary: "api-keys create|list|revoke: control rooms' keys to the priority feed",
    async run([sub, ...rest]) {
      if (sub === "create") return create(rest);
      if (sub === "list") return list();
      if (sub === "revoke") return revoke(rest);
      throw new CliUsageError(USAGE);
    },
  },
};
