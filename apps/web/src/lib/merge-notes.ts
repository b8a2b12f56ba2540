/**
 * A three-way, line-based merge of an item's notes, for the writer to check and edit: `base` is the
 * text both people started from (the version the writer's edit was based on), `theirs` what the other
 * person saved, `mine` the writer's text. Lines changed on one side only take that side's change;
 * lines both changed the same way appear once. Where both changed the same lines differently, both
 * changes are kept: their lines in their order, the writer's new lines where the base line they
 * replaced stood, and two appends to the same base line ("Base. A." and "Base. B.") joined into one
 * ("Base. A. B."). Nothing either person wrote is lost; shared text is never repeated.
 *
 * The diff is a longest-common-subsequence of lines (diff3, as `git merge-file` does), written here
 * because notes are short (a few dozen lines): O(n·m) time and memory.
 */
export function mergeNotes(base: string, theirs: string, mine: string): string {
  if (theirs === base || theirs.trim() === "") return mine;
  if (mine === base || mine === theirs) return theirs;
  const o = base.split("\n");
  const a = mine.split("\n");
  const b = theirs.split("\n");
  const toA = matches(o, a);
  const toB = matches(o, b);
  const out: string[] = [];
  let [io, ia, ib] = [0, 0, 0];
  while (io < o.length || ia < a.length || ib < b.length) {
    // A stable run: base lines matched on both sides at the current positions.
    let run = 0;
    while (io + run < o.length && toA[io + run] === ia + run && toB[io + run] === ib + run) run++;
    if (run > 0) {
      out.push(...o.slice(io, io + run));
      [io, ia, ib] = [io + run, ia + run, ib + run];
      continue;
    }
    // An unstable chunk, up to the next base line both sides still have.
    let next = io;
    while (next < o.length && !((toA[next] ?? -1) >= ia && (toB[next] ?? -1) >= ib)) next++;
    const [endA, endB] = next < o.length ? [toA[next] ?? a.length, toB[next] ?? b.length] : [a.length, b.length];
    out.push(...mergeChunk(o.slice(io, next), a.slice(ia, endA), b.slice(ib, endB)));
    [io, ia, ib] = [next, endA, endB];
  }
  return out.join("\n");
}

const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((l, i) => l === y[i]);

/** One unstable chunk: a one-sided change wins; a conflict keeps both sides' lines (see mergeNotes). */
function mergeChunk(o: string[], mine: string[], theirs: string[]): string[] {
  if (same(mine, o) || same(mine, theirs)) return theirs;
  if (same(theirs, o)) return mine;
  const inBase = new Set(o);
  const inMine = new Set(mine);
  const inTheirs = new Set(theirs);
  let mineNew = mine.filter((l) => !inBase.has(l) && !inTheirs.has(l));
  const out: string[] = [];
  for (const line of theirs) {
    const replacedByMine = inBase.has(line) && !inMine.has(line);
    if (!replacedByMine) {
      const baseLine = o.find((l) => l.trim() !== "" && line.startsWith(l) && line !== l);
      const alsoAppended =
        baseLine === undefined ? undefined : mineNew.find((m) => m.startsWith(baseLine) && m !== baseLine);
      if (baseLine !== undefined && alsoAppended !== undefined) {
        out.push(line + alsoAppended.slice(baseLine.length));
        mineNew = mineNew.filter((m) => m !== alsoAppended);
      } else out.push(line);
    } else if (mineNew.length > 0) {
      out.push(...mineNew);
      mineNew = [];
    }
  }
  return [...out, ...mineNew];
}

/** For each line of `x`, the index of the line of `y` it is matched to by a longest common subsequence. */
function matches(x: readonly string[], y: readonly string[]): (number | undefined)[] {
  const width = y.length + 1;
  const len = new Int32Array((x.length + 1) * width);
  const at = (i: number, j: number) => len[i * width + j] ?? 0;
  for (let i = x.length - 1; i >= 0; i--)
    for (let j = y.length - 1; j >= 0; j--)
      len[i * width + j] = x[i] === y[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
  const to: (number | undefined)[] = new Array<number | undefined>(x.length).fill(undefined);
  let [i, j] = [0, 0];
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) to[i++] = j++;
    else if (at(i + 1, j) >= at(i, j + 1)) i++;
    else j++;
  }
  return to;
}
