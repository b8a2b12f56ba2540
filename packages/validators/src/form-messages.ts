/**
 * What the public forms (a concern, a message to the team, subscribing, the private thread page)
 * say when they refuse something, in English, each under a code. The schemas and the server write
 * these English sentences (staff, logs and the CLI read them as they are); the web app reads a
 * sentence back to its code and values with `readFormMessage` and shows the catalogue's
 * `formMessages.<code>` in the reader's language (docs/translations.md, "Form messages").
 *
 * Placeholders are `{{name}}`, as in the catalogues. `en.json`'s `formMessages` block holds the
 * same sentences (apps/web/src/lib/form-words.test.ts checks they match).
 */
export const FORM_MESSAGES = {
  tooLong: "Keep this under {{max}} characters",
  email: "Enter an e-mail address like name@example.com",
  subscribeEmail: "Enter an email address like name@example.com",
  chooseTopic: "Choose what your message is about",
  writeMessage: "Write your message: at least 10 characters",
  phone: "A phone number has only digits, spaces and + ( ) -",
  writeReply: "Write your reply",
  sayNotGoodEnough: "Say what was not good enough about the reply",
  describeProblem: "Describe the problem",
  sayWhere: "Say where: a street, postcode or place",
  postcode: "Enter a postcode like WC1N 3NR",
  chooseCategory: "Choose a category",
  contactForReply: "Enter an e-mail address or phone number, or untick the box to keep your details",
  emailForUpdates: "Enter your e-mail address, or untick the box for updates",
  tooQuick: "That was sent very quickly, before we could tell it came from a person. Check it and press Send again.",
  tooOld: "This form was opened more than a day ago. Reload the page and send it again.",
  tooManyConcerns:
    "Too many concerns sent from here. Wait {{minutes}} minutes and try again, or contact the team directly.",
  tooManyMessages:
    "Too many messages sent from here. Wait {{minutes}} minutes and try again, or contact the team directly.",
  noTeam: "This ward's team is not on Ward Panel yet: call 101 instead",
  noSuchMessage: "This link does not lead to a message. Check it was copied whole.",
  noSuchConcern: "This link does not lead to a concern. Check it was copied whole.",
  noAnswer: "Check your connection and try again.",
} as const;

export type FormMessageCode = keyof typeof FORM_MESSAGES;
export type FormMessageValues = Record<string, string | number>;

/** The English sentence for a code, its `{{placeholders}}` filled from `values` (numbers as written). */
export function formMessage(code: FormMessageCode, values: FormMessageValues = {}): string {
  return FORM_MESSAGES[code].replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Each sentence as a pattern that reads it back: its placeholders become capture groups. */
const PATTERNS = (Object.entries(FORM_MESSAGES) as [FormMessageCode, string][]).map(([code, template]) => {
  const names: string[] = [];
  const source = template
    .split(/(\{\{\w+\}\})/)
    .map((part) => {
      const name = /^\{\{(\w+)\}\}$/.exec(part)?.[1];
      if (!name) return escapeRegExp(part);
      names.push(name);
      return "(.+?)";
    })
    .join("");
  return { code, names, pattern: new RegExp(`^${source}$`) };
});

/**
 * Reads an English form message back to its code and values ("Keep this under 3000 characters" →
 * `{ code: "tooLong", values: { max: "3000" } }`), or null for a sentence that is not one of them
 * (the caller shows it as it is).
 */
export function readFormMessage(text: string): { code: FormMessageCode; values: Record<string, string> } | null {
  for (const { code, names, pattern } of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return { code, values: Object.fromEntries(names.map((name, i) => [name, match[i + 1] ?? ""])) };
  }
  return null;
}
