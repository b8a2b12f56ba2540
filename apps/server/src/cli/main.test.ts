import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { describe, expect, it } from "vitest";

import { runCliProcess } from "../testing/cli-process";

/**
 * The CLI's other tests call runCli in their own process; this one, and the backup in
 * backups.test.ts, run `pnpm cli` as its own process, so main.ts's part is tested too: that the
 * exit code of a command becomes the process's, and that its messages reach stdout and stderr.
 */
describe("pnpm cli as its own process", () => {
  it("exits 2 with a one-line reason for a command typed wrongly", async () => {
    const run = await runCliProcess(["people", "export", "not-an-address"], {
      DATABASE_PATH: join(mkdtempSync(join(tmpdir(), "wardpanel-cli-")), "wardpanel.sqlite"),
    });
    expect(run).toEqual({ code: 2, stdout: "", stderr: "<email>: Enter an e-mail address like name@example.com\n" });
  });
});
