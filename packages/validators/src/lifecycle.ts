import { DomainError } from "./errors";

/**
 * One step of a lifecycle: the statuses it may be taken from, the status it leads to (none when it
 * keeps the status, as editing a draft does), and why it is refused from any other status, in
 * words for the person who tried: the message of the DomainError a query throws.
 */
export type Step<S extends string> = {
  readonly from: readonly S[];
  readonly to?: S;
  readonly refusal: string | ((status: S) => string);
};

/**
 * A status lifecycle as a small table (decision 0017): the queries guard their
 * writes with `assert`, and pages ask `allows` before offering a button, so both read one rule.
 */
export type Lifecycle<S extends string, A extends string> = {
  readonly statuses: readonly S[];
  readonly steps: { readonly [K in A]: Step<S> };
  /** Whether `action` may be taken from `status`. */
  allows(status: S, action: A): boolean;
  /** Why `action` may not be taken from `status`, or null when it may. */
  refusal(status: S, action: A): string | null;
  /** Throws DomainError("conflict", refusal) unless `action` may be taken from `status`. */
  assert(status: S, action: A): void;
  /** The actions `status` allows, in the table's order. */
  allowedActions(status: S): A[];
  /** Whether some action leads from `from` to `to` (a step that keeps the status is no transition). */
  canTransition(from: S, to: S): boolean;
};

export function defineLifecycle<S extends string, A extends string>(
  statuses: readonly S[],
  steps: { readonly [K in A]: Step<S> },
): Lifecycle<S, A> {
  const actions = Object.keys(steps) as A[];
  const allows = (status: S, action: A) => steps[action].from.includes(status);
  const refusal = (status: S, action: A) => {
    if (allows(status, action)) return null;
    const why = steps[action].refusal;
    return typeof why === "string" ? why : why(status);
  };
  return {
    statuses,
    steps,
    allows,
    refusal,
    assert(status, action) {
      const why = refusal(status, action);
      if (why !== null) throw new DomainError("conflict", why);
    },
    allowedActions: (status) => actions.filter((action) => allows(status, action)),
    canTransition: (from, to) =>
      from !== to && actions.some((action) => steps[action].to === to && allows(from, action)),
  };
}
