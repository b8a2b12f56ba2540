import { isAbsolute, resolve } from "node:path";

/** pnpm runs the CLI in apps/server; a relative path means the folder the command was typed in. */
export const fromInvocation = (path: string) => (isAbsolute(path) ? path : resolve(process.env.INIT_CWD ?? process.cwd(), path));
