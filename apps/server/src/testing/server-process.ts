import { type ChildProcess, spawn } from "node:child_process";
import { type AddressInfo, createServer } from "node:net";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../main.ts", import.meta.url));

export type RunningServer = {
  url: string;
  process: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
};

/** Servers still running when the test process exits (a test that failed or timed out) are killed with it. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

/**
 * Starts the real server (`src/main.ts`) as its own process on a free port, as `pnpm start` does.
 * Without the demo, PUBLIC_BASE_URL is required: unless given, it is the server's own address,
 * so links in e-mails lead back to it. `fileSizeLimitKiB` runs it under bash's `ulimit -f`
 * (RLIMIT_FSIZE): a write past that size in any file fails with EFBIG, as a write to a full disk
 * fails with ENOSPC.
 */
export async function startServerProcess(
  env: Record<string, string>,
  { startTimeoutMs = 100_000, fileSizeLimitKiB }: { startTimeoutMs?: number; fileSizeLimitKiB?: number } = {},
): Promise<RunningServer> {
  const ownAddress = env.DEMO_DATA === "false" && !env.PUBLIC_BASE_URL ? await freePort() : null;
  const addressing = ownAddress ? { PORT: String(ownAddress), PUBLIC_BASE_URL: `http://127.0.0.1:${ownAddress}` } : {};
  const nodeArgs = ["--import", "tsx", MAIN];
  const [command, args] =
    fileSizeLimitKiB === undefined
      ? [process.execPath, nodeArgs]
      : ["bash", ["-c", `ulimit -f ${fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, ...nodeArgs]];
  const child = spawn(command, args, {
    cwd: fileURLToPath(new URL("../..", import.meta.url)),
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...addressing, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.once("exit", () => running.delete(child));
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    // A server that is too slow to start is stopped, not left running on a shared machine.
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`server did not start in ${startTimeoutMs / 1000} s:\n${output}`));
    }, startTimeoutMs);
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

/** A port nothing listens on right now, to tell a server its address before it starts. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
