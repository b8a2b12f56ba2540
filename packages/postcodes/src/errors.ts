/** A postcode file the loader refuses, naming the file and the 1-based line at fault. */
export class PostcodeFileError extends Error {
  readonly code = "POSTCODE_FILE_INVALID";

  constructor(
    readonly file: string,
    /** 1-based line in the file (line 1 is the header of an ONSPD/NSPL file). */
    readonly line: number,
    readonly reason: string,
  ) {
    super(`file ${file}, line ${line}: ${reason}`);
    this.name = "PostcodeFileError";
  }
}
