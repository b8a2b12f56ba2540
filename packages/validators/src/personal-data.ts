import { z } from "zod";

/** The e-mail address a subject access or erasure request is about (UK GDPR Articles 15 and 17). */
export const PersonalDataRequest = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Enter the e-mail address the request is about")
    .pipe(z.email("Enter an e-mail address like name@example.com")),
});
export type PersonalDataRequest = z.infer<typeof PersonalDataRequest>;
