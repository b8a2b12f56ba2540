/**
 * A hash in groups of four characters, as the chair reads it out ("3f2a 9c01 …"): the same grouping
 * on the chair's screen, the result page and the minutes, so a listener can follow along.
 */
export function groupHash(hash: string): string {
  return hash.match(/.{1,4}/g)?.join(" ") ?? "";
}
