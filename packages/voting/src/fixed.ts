// Fixed-point vote values in 1/100000ths of a vote, as BigInt.
// Why: the Scottish rules calculate transfer values "to five decimal places (any remainder being
// ignored)" (SSI 2007/42 sch. 1 rule 48(3)). Integer arithmetic makes every machine agree exactly,
// and BigInt keeps surplus x value products (up to 10^10 x 10^5 x 10^5) from losing precision.

export const SCALE = 100000n;

export const wholeVotes = (n: number): bigint => BigInt(n) * SCALE;

/** For JSON output: the exact 5-decimal value, e.g. 2.33333. Deterministic across machines. */
export const unitsToNumber = (units: bigint): number => Number(units) / 100000;

/** For explanations: "6", "2.5", "0.33333". */
export function formatUnits(units: bigint): string {
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = abs / SCALE;
  const fraction = (abs % SCALE).toString().padStart(5, "0").replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}
