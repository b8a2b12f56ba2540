import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState = "saved" | "unsaved" | "saving" | "failed";

const SAVE_AFTER_MS = 800;

/**
 * Text that is always either saved on the server or kept on this device with the writer told so.
 * Every keystroke goes to localStorage first; a debounced save sends it; a failure keeps it and
 * says so, and coming back online (or "Try again") sends it again. Reloading the page restores
 * anything not yet saved. This is how the live meeting survives flaky venue Wi-Fi.
 */
export function useSavedText({ storageKey, serverValue, save }: { storageKey: string; serverValue: string; save: (text: string) => Promise<unknown> }) {
  const key = `wardpanel:unsaved:${storageKey}`;
  const [value, setValue] = useState(() => localStorage.getItem(key) ?? serverValue);
  const [state, setState] = useState<SaveState>(() => (localStorage.getItem(key) === null ? "saved" : "unsaved"));
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saveRef = useRef(save);
  saveRef.current = save;

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
        timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
      }
    } catch (failure) {
      setState("failed");
      setError(navigator.onLine ? (failure as Error).message : "You seem to be offline.");
    }
  }, [key]);

  const change = (text: string) => {
    latest.current = text;
    setValue(text);
    localStorage.setItem(key, text);
    setState("unsaved");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), SAVE_AFTER_MS);
  };

  useEffect(() => {
    const retry = () => void flush();
    window.addEventListener("online", retry);
    if (localStorage.getItem(key) !== null) void flush();
    return () => {
      window.removeEventListener("online", retry);
      clearTimeout(timer.current);
    };
  }, [flush, key]);

  return { value, change, state, error, retry: flush };
}
