import { useState } from "react";

/**
 * Runs a change, refreshes what it touched, and says what happened: a status line when it is
 * done, an alert saying it was not saved when it failed. Nothing fails silently.
 */
export function useChange(refresh: () => Promise<unknown>) {
  const [alert, setAlert] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const run = async (change: () => Promise<unknown>, done?: string): Promise<boolean> => {
    setAlert(null);
    try {
      await change();
      await refresh();
      if (done) setStatus(done);
      return true;
    } catch (error) {
      setAlert(`Not saved: ${(error as Error).message}`);
      return false;
    }
  };
  return { alert, status, run };
}
