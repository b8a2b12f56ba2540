import { dictionary } from "@zxcvbn-ts/language-common";

import { normalisePassword } from "./password";

/**
 * The zxcvbn-ts project's list of commonly used passwords (about 49,000, drawn from breaches;
 * all lower case), loaded once.
 */
let common: Set<string> | undefined;

/** A listed word padded with at most this many characters is still that word ("qwertyuiop" + "as"). */
const MAX_PADDING = 4;
/** Shorter listed words are too likely to start a good passphrase by chance ("lamp…"). */
const MIN_PADDED_WORD = 6;

/**
 * Whether a password is on the list of commonly used passwords that NIST SP 800-63B §5.1.1.2 asks
 * new passwords to be checked against, or is one of them dressed up to pass a length rule. The
 * list's words are mostly short while we ask for 12 characters, so the forms people reach for count
 * too: digits or symbols around a listed word ("password123456", "!iloveyou1234") and a listed word
 * of 6+ letters with up to 4 characters added ("qwertyuiopas"). Compared after NFKC normalisation
 * and ignoring case, so "PassWord" and full-width "ｐａｓｓｗｏｒｄ" count as "password".
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  const listed = common;
  const lower = normalisePassword(password).toLowerCase();
  if (listed.has(lower)) return true;
  const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
  if (core.length >= 4 && listed.has(core)) return true;
  for (let kept = Math.max(MIN_PADDED_WORD, lower.length - MAX_PADDING); kept < lower.length; kept++) {
    if (listed.has(lower.slice(0, kept)) || listed.has(lower.slice(lower.length - kept))) return true;
  }
  return false;
}
