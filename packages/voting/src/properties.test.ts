// Property tests: counting is deterministic and order-free; approval picks the top totals; the
// verifier accepts every honest record and rejects single edits, removals and reorderings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { countVote } from "./count.js";
import { honestRecord, makeConfig } from "./testing.js";
import type { Ballot, TieBreak, VoteConfig, VoteMethod } from "./types.js";
import { verifyVoteRecord } from "./verify.js";

const TITLES = ["Speeding", "Litter", "Parking", "Noise", "Graffiti"];

/** A config plus ballots valid for it. */
const voteArb = fc
  .record({
    kind: fc.constantFrom<VoteMethod["kind"]>("approval", "score", "dots", "ranked"),
    candidates: fc.integer({ min: 1, max: 5 }),
    seats: fc.integer({ min: 1, max: 3 }),
    tieBreak: fc.constantFrom<TieBreak>("earliest-raised", "random-seeded", "chair-casting"),
  })
  .chain(({ kind, candidates, seats, tieBreak }) => {
    const method: VoteMethod =
      kind === "score" ? { kind, maxScore: 5 } : kind === "dots" ? { kind, dotsPerVoter: 4 } : { kind };
    const config = makeConfig(method, TITLES.slice(0, candidates), { seats, tieBreak });
    const ids = config.candidates.map((c) => c.id);
    const ballot: fc.Arbitrary<Ballot> =
      kind === "approval"
        ? fc.subarray(ids).map((approved) => ({ approved }))
        : kind === "score"
          ? fc.dictionary(fc.constantFrom(...ids), fc.integer({ min: 0, max: 5 })).map((scores) => ({ scores }))
          : kind === "dots"
            ? fc.array(fc.constantFrom(...ids), { maxLength: 4 }).map((picks) => {
                const dots: Record<string, number> = {};
                for (const id of picks) dots[id] = (dots[id] ?? 0) + 1;
                return { dots };
              })
            : fc.shuffledSubarray(ids, { minLength: 1 }).map((ranking) => ({ ranking }));
    return fc.record({ config: fc.constant(config), ballots: fc.array(ballot, { maxLength: 30 }) });
  });

const shape = (config: VoteConfig, ballots: Ballot[]) => {
  const r = countVote(config, ballots, { seed: "seed" });
  return { winners: r.winners, rounds: r.rounds, ties: r.ties, status: r.status };
};

describe("properties", () => {
  it("counting is deterministic and does not depend on ballot order", () => {
    fc.assert(
      fc.property(
        voteArb.chain((v) =>
          fc.record({ vote: fc.constant(v), order: fc.shuffledSubarray(v.ballots, { minLength: v.ballots.length }) }),
        ),
        ({ vote, order }) => {
          const first = shape(vote.config, vote.ballots);
          expect(shape(vote.config, vote.ballots)).toEqual(first);
          expect(shape(vote.config, order)).toEqual(first);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("approval chooses the top `seats` options by approvals when there is no tie at the boundary", () => {
    fc.assert(
      fc.property(
        voteArb.filter((v) => v.config.method.kind === "approval"),
        ({ config, ballots }) => {
          const totals = new Map(config.candidates.map((c) => [c.id, 0]));
          for (const b of ballots)
            for (const id of (b as { approved: string[] }).approved) totals.set(id, (totals.get(id) ?? 0) + 1);
          const sorted = [...totals.values()].sort((a, b) => b - a);
          const boundary = sorted[config.seats - 1];
          const next = sorted[config.seats];
          fc.pre(boundary !== undefined && boundary > 0 && boundary !== next);
          const expected = [...totals].filter(([, n]) => n >= (boundary ?? 0)).map(([id]) => id);
          expect(new Set(countVote(config, ballots, { seed: "s" }).winners)).toEqual(new Set(expected));
        },
      ),
    );
  });

  it("verification passes on honest records and fails when a ballot is changed, an entry removed or entries reordered", () => {
    fc.assert(
      fc.property(
        voteArb.filter((v) => v.ballots.length >= 2),
        fc.nat(),
        fc.nat(),
        ({ config, ballots }, a, b) => {
          const record = JSON.parse(JSON.stringify(honestRecord(config, ballots))) as ReturnType<typeof honestRecord>;
          expect(verifyVoteRecord(record).ok).toBe(true);

          const i = 1 + (a % ballots.length); // a ballot entry
          const changed = structuredClone(record);
          const payload = changed.entries[i]?.payload as { ballot: unknown };
          payload.ballot = { changed: true };
          expect(verifyVoteRecord(changed).ok).toBe(false);

          const removed = { ...record, entries: record.entries.filter((_, k) => k !== a % record.entries.length) };
          expect(verifyVoteRecord(removed).ok).toBe(false);

          const j = b % record.entries.length;
          const k = (j + 1 + (a % (record.entries.length - 1))) % record.entries.length;
          const swapped = { ...record, entries: [...record.entries] };
          const [ej, ek] = [record.entries[j], record.entries[k]];
          if (ej && ek) [swapped.entries[j], swapped.entries[k]] = [ek, ej];
          expect(verifyVoteRecord(swapped).ok).toBe(false);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("every STV round adds up: votes held + non-transferable so far + lost to rounding so far = valid ballots", () => {
    fc.assert(
      fc.property(
        voteArb.filter((v) => v.config.method.kind === "ranked"),
        ({ config, ballots }) => {
          const result = countVote(config, ballots, { seed: "seed" });
          const units = (n: number) => Math.round(n * 100000);
          let gone = 0;
          for (const round of result.rounds) {
            gone += units(round.nonTransferable) + units(round.lostToRounding ?? 0);
            const held = Object.values(round.tallies).reduce((sum, v) => sum + units(v), 0);
            expect(held + gone).toBe(result.validBallots * 100000);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
