import { setImmediate as nextTurn } from "node:timers/promises";

import { describe, expect, it } from "vitest";

import { runSliced, type SlicedJob } from "./sliced";

/** A job of `steps` steps of about `stepMs` of busy work each, recording when each ran. */
function* busyJob(steps: number, stepMs: number, ran: number[]): SlicedJob<string> {
  for (let step = 0; step < steps; step++) {
    yield;
    const until = performance.now() + stepMs;
    while (performance.now() < until);
    ran.push(performance.now());
  }
  return "built";
}

describe("runSliced", () => {
  it("returns a job that fits in one slice at once, synchronously", () => {
    expect(runSliced(busyJob(3, 0, []), 50)).toBe("built");
  });

  it("gives the event loop a turn between slices of a long job, so other work runs meanwhile", async () => {
    const ran: number[] = [];
    const result = runSliced(busyJob(40, 1, ran), 2);
    expect(result).toBeInstanceOf(Promise);
    // Work queued after the job started runs before it ends: the job did not hold the loop.
    let otherRanAfterSteps = -1;
    void nextTurn().then(() => (otherRanAfterSteps = ran.length));
    expect(await result).toBe("built");
    expect(otherRanAfterSteps).toBeGreaterThan(0);
    expect(otherRanAfterSteps).toBeLessThan(40);
  });

  it("waits for a promise the job yields, passes its value back in, and rejects when the job throws", async () => {
    function* job(): SlicedJob<number> {
      const value = (yield Promise.resolve(41)) as number;
      return value + 1;
    }
    expect(await runSliced(job(), 100)).toBe(42);
    function* failing(): SlicedJob<never> {
      yield Promise.resolve();
      throw new Error("no view");
    }
    await expect(runSliced(failing(), 100)).rejects.toThrow("no view");
  });
});
