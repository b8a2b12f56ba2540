import { isCommonPassword } from "@wardpanel/auth";
import { DomainError } from "@wardpanel/validators";

/**
 * The server's check on a new password beyond its length (the zod schema NewPassword): refused
 * when it is on a list of commonly used passwords (NIST SP 800-63B §5.1.1.2). Throws an invalid
 * DomainError on the `password` field, so the form shows it there.
 */
export function assertPasswordAllowed(password: string): void {
  if (isCommonPassword(password)) {
    throw new DomainError(
      "invalid",
      "This password is on a list of passwords that many people use, so it is easy to guess. Choose another: a few unrelated words together work well.",
      "password",
    );
  }
}
