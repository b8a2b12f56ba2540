import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * A job in slices: a generator whose every `yield` is a point where it may give way. Yielding a
 * promise waits for it (work done off the event loop, such as compression in libuv's pool).
 */
export type SlicedJob<T> = Generator<Promise<unknown> | void, T, unknown>;

/**
 * Runs a job for at most `sliceMs` milliseconds at a time, letting the event loop answer other
 * requests between slices. When the whole job fits in the first slice (a small feed) the result is
 * returned at once, synchronously; otherwise a promise of it. A job that throws rejects it.
 */
export function runSliced<T>(job: SlicedJob<T>, sliceMs: number): T | Promise<T> {
  const first = runSlice(job, sliceMs, undefined);
  return first.done ? first.value : continueLater(job, sliceMs, first.wait);
}

type SliceResult<T> = { done: true; value: T } | { done: false; wait: Promise<unknown> };

function runSlice<T>(job: SlicedJob<T>, sliceMs: number, input: unknown): SliceResult<T> {
  const deadline = performance.now() + sliceMs;
  let sent = input;
  for (;;) {
    const next = job.next(sent);
    sent = undefined;
    if (next.done) return { done: true, value: next.value };
    if (next.value instanceof Promise) return { done: false, wait: next.value };
    if (performance.now() >= deadline) return { done: false, wait: nextTurn() };
  }
}

async function continueLater<T>(job: SlicedJob<T>, sliceMs: number, wait: Promise<unknown>): Promise<T> {
  for (;;) {
    const input = await wait;
    const slice = runSlice(job, sliceMs, input);
    if (slice.done) return slice.value;
    wait = slice.wait;
  }
}
