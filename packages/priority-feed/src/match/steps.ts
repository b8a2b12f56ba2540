/**
 * A build as a generator of small steps: each `next()` does a bounded piece of work (about one
 * item or shape) and the last returns the result. `drain` runs one to the end at once; a server
 * that must keep answering meanwhile runs it a few milliseconds at a time (build aside, then swap).
 */
export type Steps<T> = Generator<void, T, unknown>;

/** Runs every step now and returns the result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
