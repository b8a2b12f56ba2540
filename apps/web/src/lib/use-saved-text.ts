import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState = "saved" | "unsaved" | "saving" | "failed";

const SAVE_AFTER_MS = 800;

/**
 * Text that is always either saved on the server or kept on this device with the writer told so.
 * Every keystroke goes to localStorage first; a debounced save sends it; a failure keeps it and
 * says so, and coming back online (or "Try again") sends it again. Reloading the page restores
 * anything not yet saved. This is how the live meeting survives flaky venue Wi-Fi.
 */
export function useSavedText({
  storageKey,
  serverValue,
  save,
}: {
  storageKey: string;
  serverValue: string;
  save: (text: string) => Promise<unknown>;
}) {
  const key = `wardpanel:unsaved:${storageKey}`;
  const [value, setValue] = useState(() => localStorage.getItem(key) ?? serverValue);
  const [state, setState] = useState<SaveState>(() => (localStorage.getItem(key) === null ? "saved" : "unsaved"));
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  // The retry timer calls the newest flush, which calls the newest save: both kept in refs
  // updated after render, so a pending timer never sends with a stale callback.
  const flushRef = useRef<() => Promise<void>>(async () => {});
  useEffect(() => {
    saveRef.current = save;
  });
  const saveLater = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flushRef.current(), SAVE_AFTER_MS);
  }, []);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    const sending = latest.current;
    if (localStorage.getItem(key) === null) return;
    setState("saving");
    try {
      await saveRef.current(sending);
      // Only forget the local copy if nothing was typed while the save was in flight.
      if (latest.current === sending) {
        localStorage.removeItem(key);
        setState("saved");
        setError(null);
      } else {
        setState("unsaved");
        saveLater();
      }
    } catch (failure) {
      setState("failed");
      setError(navigator.onLine ? (failure as Error).message : "You seem to be offline.");
    }
  }, [key, saveLater]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = (text: string) => {
    latest.current = text;
    setValue(text);
    localStorage.setItem(key, text);
    setState("unsaved");
    saveLater();
  };

  useEffect(() => {
    const retry = () => void flush();
    window.addEventListener("online", retry);
    // Text kept from before a reload goes on the usual short timer, as if just typed.
    if (localStorage.getItem(key) !== null) saveLater();
    return () => {
      window.removeEventListener("online", retry);
      clearTimeout(timer.current);
    };
  }, [flush, key, saveLater]);

  return { value, change, state, error, retry: flush };
}
