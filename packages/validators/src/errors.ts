/**
 * The one error type domain code throws. The API maps `kind` to an HTTP/tRPC status in one place,
 * and passes `field` to the browser so a form can show the message against that field.
 */
export type DomainErrorKind = "not_found" | "conflict" | "invalid" | "forbidden" | "too_many_requests";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}
