/** A failure the CLI reports as one clear message, without a stack trace. */
export class CliError extends Error {
  override readonly name = "CliError";
  /** 2: the command or its input is wrong; 1: it was right but the work failed (e.g. server down). */
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
  }
}
