import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root folder, whatever folder the process was started in. */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

/**
 * Resolves a path typed by an operator (a setting or a command-line argument) against the folder
 * the command was typed in. pnpm runs scripts in the package folder and records the caller's
 * folder in INIT_CWD, so `pnpm cli backup backups/x.sqlite` means `./backups/x.sqlite` from where
 * the operator stands, not from apps/server. Absolute paths are returned unchanged.
 */
export const fromInvocation = (path: string): string =>
  isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path);
