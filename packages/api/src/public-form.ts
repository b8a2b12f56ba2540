import { DomainError, formMessage } from "@wardpanel/validators";

/** Fewer seconds than a person takes to read a public form and write in it. */
const MIN_FORM_SECONDS = 3;
/** A form kept open longer than this is stale: its page may have changed since. */
const MAX_FORM_SECONDS = 24 * 60 * 60;

/**
 * Screens a public form (a concern, a message to the team) before anything is kept, with no
 * captcha service: a filled-in hidden field (`website`) is a bot, answered as if it succeeded so
 * it learns nothing (returns true: keep nothing). A form sent within 3 seconds of opening
 * (`openedAt`, epoch ms) is refused with a message a person can act on (autofill or paste can be
 * that quick, and a silent drop would lose their words); one opened over a day ago likewise.
 */
export function isBotSubmission({ website, openedAt, now }: { website: string; openedAt: number; now: Date }) {
  if (website !== "") return true;
  const seconds = (now.getTime() - openedAt) / 1000;
  if (seconds < MIN_FORM_SECONDS) throw new DomainError("invalid", formMessage("tooQuick"));
  if (seconds > MAX_FORM_SECONDS) throw new DomainError("invalid", formMessage("tooOld"));
  return false;
}
