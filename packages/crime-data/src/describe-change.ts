/**
 * Plain-English month-on-month comparisons for the public pack, with a deliberately simple test of
 * whether a change means anything.
 *
 * Monthly crime counts behave roughly like Poisson counts, whose natural spread is about the
 * square root of the count. So a change is "too small to mean much" when
 *   |current − previous| < 2 × √previous
 * (about two standard deviations of the comparison month), and counts where both months are under
 * 10 are "too few to read a trend into" whatever the change, because at that size chance swings of
 * 3 or 4 are normal. It is a rule of thumb for a headline, not a significance test.
 */

export const SMALL_COUNT = 10;

export type ChangeVerdict = "meaningful" | "within-normal-variation" | "too-few";

export type ChangeAssessment = {
  current: number;
  previous: number;
  difference: number;
  direction: "up" | "down" | "same";
  verdict: ChangeVerdict;
};

export function assessChange(current: number, previous: number): ChangeAssessment {
  for (const [name, value] of [
    ["current", current],
    ["previous", previous],
  ] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole count, got ${value}`);
  }
  const difference = current - previous;
  const direction = difference > 0 ? "up" : difference < 0 ? "down" : "same";
  let verdict: ChangeVerdict;
  if (current < SMALL_COUNT && previous < SMALL_COUNT) verdict = "too-few";
  else if (Math.abs(difference) < 2 * Math.sqrt(previous)) verdict = "within-normal-variation";
  else verdict = "meaningful";
  return { current, previous, difference, direction, verdict };
}

export function isChangeMeaningful(current: number, previous: number): boolean {
  return assessChange(current, previous).verdict === "meaningful";
}

/** A noun for counts: one string for every count, or singular and plural forms. */
type CountLabel = string | { one: string; other: string };

type DescribeOptions = { period?: string; comparison?: string };

/**
 * "32 crimes and ASB incidents this month, 5 more than last month — a change too small to mean much."
 */
export function describeChange(
  current: number,
  previous: number,
  label: CountLabel,
  { period = "this month", comparison = "last month" }: DescribeOptions = {},
): string {
  const change = assessChange(current, previous);
  const head = `${current} ${noun(label, current)} ${period}`;
  if (change.direction === "same") return `${head}, the same as ${comparison}.`;

  const amount = Math.abs(change.difference);
  const delta = `${amount} ${change.direction === "up" ? "more" : "fewer"} than ${comparison}`;
  const verdict =
    change.verdict === "meaningful"
      ? `a ${change.direction === "up" ? "rise" : "fall"} bigger than the usual month-to-month ups and downs`
      : change.verdict === "within-normal-variation"
        ? "a change too small to mean much"
        : "numbers this small go up and down by chance";
  return `${head}, ${delta} — ${verdict}.`;
}

function noun(label: CountLabel, count: number): string {
  if (typeof label === "string") return label;
  return count === 1 ? label.one : label.other;
}
