import { EVERYONE, type MatrixEntries, unique, WARD_A } from "./shared";

/**
 * Anyone may subscribe to a ward's packs and use the links in their e-mails: the links are the
 * key. Acting on a link that does not exist: "not found" shows the caller got past the role check.
 */
const noSuchLink = { token: "n".repeat(43) };

export const SUBSCRIPTION_ENTRIES: MatrixEntries = {
  "subscriptions.request": {
    allowed: EVERYONE,
    input: () => ({ wardCode: WARD_A, email: `reader${unique()}@example.test` }),
  },
  "subscriptions.confirm": { allowed: EVERYONE, input: () => ({ ...noSuchLink }) },
  "subscriptions.byUnsubscribeLink": { allowed: EVERYONE, input: () => ({ ...noSuchLink }) },
  "subscriptions.unsubscribe": { allowed: EVERYONE, input: () => ({ ...noSuchLink }) },
};
