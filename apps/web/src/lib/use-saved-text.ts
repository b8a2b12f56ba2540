import { useCallback, useEffect, useRef, useState } from "react";

export type SaveState = "saved" | "unsaved" | "saving" | "failed" | "conflict";

/** The text someone else saved meanwhile, as the server answers a save over an older version. */
export type OtherText = { notes: string; version: number; savedBy: string | null; savedAt: string | null };

/** What the server answers a save: applied at a new version, or refused with the other text. */
export type SaveAnswer = { status: "saved"; version: number } | { status: "conflict"; current: OtherText };

const SAVE_AFTER_MS = 800;

/**
 * Text that is always either saved on the server or kept on this device with the writer told so.
 * Every keystroke goes to localStorage first, with the version of the server's text it was edited
 * from (its base, with the base's text for a three-way merge); a debounced save sends both; a failure keeps them and says so, and coming back
 * online (or "Try again") sends them again. Reloading the page restores anything not yet saved.
 * This is how the live meeting survives flaky venue Wi-Fi.
 *
 * A save the server refuses because someone else saved since the base puts the text in "conflict"
 * with their text in `other`: nothing is sent until the writer settles it with `saveMerged(text)`
 * (sent over their version) or `keepTheirs()`. When the server's text moves on (another device
 * saved, the page refetched) and nothing here is unsaved, the new text is taken silently.
 */
export function useSavedText({
  storageKey,
  serverValue,
  serverVersion,
  save,
}: {
  storageKey: string;
  serverValue: string;
  /** The version of `serverValue`: a save over it is applied, over an older one refused. */
  serverVersion: number;
  save: (text: string, baseVersion: number) => Promise<SaveAnswer>;
}) {
  const key = `wardpanel:unsaved:${storageKey}`;
  const baseKey = `${key}:base`;
  /** The text at the base version, kept for a three-way merge (mergeNotes) when a save meets a conflict. */
  const baseTextKey = `${key}:baseText`;
  /** A copy kept from before this change carries no base: every item's notes were then at version 0. */
  const storedBase = () => Number(localStorage.getItem(baseKey) ?? 0);
  const [value, setValue] = useState(() => localStorage.getItem(key) ?? serverValue);
  const [state, setState] = useState<SaveState>(() => (localStorage.getItem(key) === null ? "saved" : "unsaved"));
  const [error, setError] = useState<string | null>(null);
  const [other, setOther] = useState<OtherText | null>(null);
  /** The base text when the conflict arose: what both started from, for NotesConflict's three-way merge. */
  const [conflictBase, setConflictBase] = useState("");
  const latest = useRef(value);
  const base = useRef(localStorage.getItem(key) === null ? serverVersion : storedBase());
  const baseText = useRef(localStorage.getItem(key) === null ? serverValue : (localStorage.getItem(baseTextKey) ?? ""));
  /** Sets the version edited from and its text, here and in the kept copy's base. */
  const rebase = useCallback(
    (version: number, text: string, store: boolean) => {
      base.current = version;
      baseText.current = text;
      if (store) {
        localStorage.setItem(baseKey, String(version));
        localStorage.setItem(baseTextKey, text);
      }
    },
    [baseKey, baseTextKey],
  );
  const conflicted = useRef(false);
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

  const keep = useCallback(
    (text: string, version: number) => {
      latest.current = text;
      base.current = version;
      setValue(text);
      localStorage.setItem(key, text);
      localStorage.setItem(baseKey, String(version));
      localStorage.setItem(baseTextKey, baseText.current);
    },
    [key, baseKey, baseTextKey],
  );
  const forget = useCallback(() => {
    localStorage.removeItem(key);
    localStorage.removeItem(baseKey);
    localStorage.removeItem(baseTextKey);
  }, [key, baseKey, baseTextKey]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (conflicted.current || localStorage.getItem(key) === null) return;
    const sending = latest.current;
    setState("saving");
    try {
      const answer = await saveRef.current(sending, base.current);
      if (answer.status === "conflict") {
        conflicted.current = true;
        setConflictBase(baseText.current);
        setOther(answer.current);
        setState("conflict");
        setError(null);
        return;
      }
      rebase(answer.version, sending, false);
      // Only forget the local copy if nothing was typed while the save was in flight.
      if (latest.current === sending) {
        forget();
        setState("saved");
        setError(null);
      } else {
        rebase(answer.version, sending, true);
        setState("unsaved");
        saveLater();
      }
    } catch (failure) {
      setState("failed");
      setError(navigator.onLine ? (failure as Error).message : "You seem to be offline.");
    }
  }, [key, forget, saveLater, rebase]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = (text: string) => {
    keep(text, base.current);
    if (conflicted.current) return;
    setState("unsaved");
    saveLater();
  };

  /** Sends the writer's merge over the other person's version (kept here until it is saved). */
  const saveMerged = async (text: string) => {
    const over = other?.version ?? base.current;
    conflicted.current = false;
    if (other) baseText.current = other.notes;
    setOther(null);
    keep(text, over);
    await flush();
  };

  /** Drops the writer's text for the other person's, which is already saved. */
  const keepTheirs = () => {
    if (!other) return;
    conflicted.current = false;
    latest.current = other.notes;
    rebase(other.version, other.notes, false);
    setValue(other.notes);
    forget();
    setOther(null);
    setState("saved");
  };

  // Another device saved: take its text, unless something typed here is not saved yet (its save
  // will then meet the newer version and ask for a merge).
  useEffect(() => {
    if (serverVersion <= base.current || localStorage.getItem(key) !== null) return;
    latest.current = serverValue;
    rebase(serverVersion, serverValue, false);
    setValue(serverValue);
  }, [key, serverValue, serverVersion, rebase]);

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

  return { value, change, state, error, other, baseText: conflictBase, saveMerged, keepTheirs, retry: flush };
}
