/**
 * A first merge of two versions of an item's notes, for the writer to check and edit: the text
 * saved by the other person, then each line of the writer's text that it does not already have
 * (blank lines aside), in the writer's order. Neither text is lost; nothing is reworded. If the
 * other text is empty the writer's stands alone.
 */
export function mergeNotes(theirs: string, mine: string): string {
  if (theirs.trim() === "") return mine;
  const present = new Set(theirs.split("\n").map((line) => line.trim()));
  const added = mine.split("\n").filter((line) => line.trim() !== "" && !present.has(line.trim()));
  if (added.length === 0) return theirs;
  return `${theirs.replace(/\n+$/, "")}\n${added.join("\n")}`;
}
