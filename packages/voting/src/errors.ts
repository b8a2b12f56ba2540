/** Small coded error so callers (the API layer, the verifier) can map failures without parsing text. */
export class VotingError extends Error {
  constructor(
    readonly code: "invalid-config" | "invalid-chair-choice" | "invalid-entry",
    message: string,
  ) {
    super(message);
    this.name = "VotingError";
  }
}
