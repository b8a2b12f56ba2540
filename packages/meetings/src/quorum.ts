/**
 * A panel's quorum rule. The default is the usual one for ward panels' terms of reference: more
 * than half of the voting members (the chair and panel members) present. A panel may instead fix
 * a number.
 */
export type QuorumRule = { kind: "more_than_half" } | { kind: "fixed"; minimum: number };

export type QuorumState = {
  votingMembers: number;
  present: number;
  needed: number;
  isQuorate: boolean;
  /** The rule the figures were judged by: a page words the line from these in its own language. */
  ruleKind: QuorumRule["kind"];
  /** The same in English, for staff, logs and minutes published before the figures were kept. */
  explanation: string;
};

/** What a published quorum line is made of, kept with the minutes so each reader's language can word it. */
export type QuorumFigures = Pick<QuorumState, "votingMembers" | "present" | "needed" | "isQuorate" | "ruleKind">;

export function neededForQuorum(rule: QuorumRule, votingMembers: number): number {
  return rule.kind === "fixed" ? rule.minimum : Math.floor(votingMembers / 2) + 1;
}

export function quorumState(rule: QuorumRule, votingMembers: number, present: number): QuorumState {
  const needed = neededForQuorum(rule, votingMembers);
  const isQuorate = votingMembers > 0 && present >= needed;
  const quorumNeeds =
    rule.kind === "fixed"
      ? `the panel's rule needs at least ${needed}`
      : `more than half of ${votingMembers} voting members is ${needed}`;
  const explanation = `${isQuorate ? "Quorate" : "Not quorate"}: ${present} voting ${present === 1 ? "member" : "members"} present; ${quorumNeeds}.`;
  return { votingMembers, present, needed, isQuorate, ruleKind: rule.kind, explanation };
}
