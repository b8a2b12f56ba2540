import { ANY_ADMIN, EVERYONE, type MatrixEntries, SIGNED_IN, unique } from "./shared";

const newPassword = { password: "a long enough new password", confirmPassword: "a long enough new password" };

/**
 * Anyone may ask for a new-password link and use one; only a signed-in person changes their own
 * password; only an admin (a borough admin within their borough) sends someone else a link.
 */
export const ACCOUNT_ENTRIES: MatrixEntries = {
  "account.requestPasswordReset": { allowed: EVERYONE, input: () => ({ email: `nobody${unique()}@example.test` }) },
  "account.resetLink": { allowed: EVERYONE, input: () => ({ token: "x".repeat(27) }) },
  "account.resetPassword": { allowed: EVERYONE, input: () => ({ token: "x".repeat(27), ...newPassword }) },
  "account.changePassword": {
    allowed: SIGNED_IN,
    input: () => ({ currentPassword: "not the password", ...newPassword }),
  },
  "people.sendAccountLink": { allowed: ANY_ADMIN, input: () => ({ userId: 999_999 }) },
};
