/** A shortlisted concern as the votes API lists it (the fields this line reads). */
export type ShortlistedConcern = {
  description: string;
  location: string;
  raisedCount: number;
  /** The words on the ballot when reworded; null: the description as raised. */
  ballotWording: string | null;
};

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * How the live screens list a shortlisted concern: the option's title (the ballot wording, else the
 * concern's words), then in brackets only what the title does not already say (the words as raised when
 * they were reworded, the place when it is not in the title) and how many raised it. Example:
 * `{ title: "Graffiti in the Antrim Road underpass", detail: "raised by 1" }`.
 */
export function shortlistLine(c: ShortlistedConcern): { title: string; detail: string } {
  const title = c.ballotWording ?? c.description;
  const parts: string[] = [];
  if (!same(c.description, title)) parts.push(`raised as “${c.description.trim()}”`);
  const place = c.location.trim();
  const said = `${title} ${c.description}`.toLowerCase();
  if (place !== "" && !said.includes(place.toLowerCase())) parts.push(place);
  parts.push(`raised by ${c.raisedCount}`);
  return { title, detail: parts.join("; ") };
}
