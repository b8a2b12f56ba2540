import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

export type RunningServer = { url: string; process: ChildProcess; output: () => string; exited: Promise<number | null> };

/**
 * Starts the real server (`src/main.ts`) as its own process on a free port, as `pnpm start` does.
 * `fileSizeLimitKiB` runs it under bash's `ulimit -f` (RLIMIT_FSIZE): a write past that size in
 * any file fails with EFBIG, as a write to a full disk fails with ENOSPC.
 */
export async function startServerProcess(env: Record<string, string>, { fileSizeLimitKiB }: { fileSizeLimitKiB?: number } = {}): Promise<RunningServer> {
  const nodeArgs = ["--import", "tsx", MAIN];
  const [command, args] = fileSizeLimitKiB === undefined ? [process.execPath, nodeArgs] : ["bash", ["-c", `ulimit -f ${fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, ...nodeArgs]];
  const child = spawn(command, args, {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000);
    const check = () => {
      const match = /open (http:\/\/localhost:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout.on("data", check);
    void exited.then((code) => reject(new Error(`server exited with ${code} before starting:\n${output}`)));
  });
  return { url, process: child, output: () => output, exited };
}
