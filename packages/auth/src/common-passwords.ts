import { dictionary } from "@zxcvbn-ts/language-common";
import { normalisePassword } from "./password";

/**
 * The zxcvbn-ts project's list of commonly used passwords (about 49,000, drawn from breaches;
 * all lower case), loaded once.
 */
let common: Set<string> | undefined;

/**
 * Whether a password is on the list of commonly used passwords that NIST SP 800-63B §5.1.1.2 asks
 * new passwords to be checked against. Compared after NFKC normalisation and ignoring case, so
 * "PassWord" and full-width "ｐａｓｓｗｏｒｄ" count as "password".
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"]);
  return common.has(normalisePassword(password).toLowerCase());
}
