/** Where scheduled work reports: the server's pino logger fits. */
export type ScheduleLog = {
  info(details: object, message: string): void;
  error(details: object, message: string): void;
};

export type Repeating = { stop(): Promise<void> };

/**
 * Runs `task` after `firstDelayMs`, then `intervalMs` after each run ends, until stopped. A run
 * that throws is logged and the schedule carries on. `stop()` cancels the next run and waits for
 * one in progress, so the database is not closed under it.
 */
export function repeat({
  firstDelayMs,
  intervalMs,
  task,
  onError,
}: {
  firstDelayMs: number;
  intervalMs: number;
  task: () => Promise<void> | void;
  onError: (error: unknown) => void;
}): Repeating {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let stopped = false;
  const run = async () => {
    running = (async () => task())().catch(onError);
    await running;
    running = null;
    if (!stopped) timer = setTimeout(() => void run(), intervalMs);
  };
  timer = setTimeout(() => void run(), firstDelayMs);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
