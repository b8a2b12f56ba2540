import { z } from "zod";

import { ForceRef } from "./forces";
import { formMessage } from "./form-messages";
import { BoroughCode, WardRef } from "./wards";

export const PackMonth = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Give the month as YYYY-MM") });

/** The sergeant's words in a monthly pack: the same limits in the form and the procedure. */
export const PackText = z.object({
  commentary: z.string().trim().max(5000, "Keep the commentary under 5,000 characters"),
  partnerActions: z.string().trim().max(3000, "Keep partner actions under 3,000 characters"),
});
export type PackText = z.infer<typeof PackText>;
export const SavePackTextInput = PackMonth.extend(PackText.shape);

/** One ward's pack for one month, as the public asks for it. */
export const WardPackRef = WardRef.extend(PackMonth.shape);

/** Drafting every ward's pack of a borough for a month: force-wide work, for the force that polices the borough. */
export const DraftBoroughPacksInput = ForceRef.extend(PackMonth.shape).extend({ boroughCode: BoroughCode });

/** A member of the public subscribing to a ward's monthly updates. */
export const SubscribeInput = z.object({ email: z.email(formMessage("subscribeEmail")).max(254) });
export type SubscribeInput = z.infer<typeof SubscribeInput>;
/**
 * A language a person chose, as its catalogue code (BCP 47 primary subtag: "en", "cy"); a code
 * with no catalogue is answered in English (`chooseLanguage` in @wardpanel/i18n).
 */
export const LanguageCode = z.string().regex(/^[a-z]{2,3}$/, "A language code like en or cy");
export const SubscribeToWardInput = WardRef.extend(SubscribeInput.shape).extend({ language: LanguageCode.optional() });

/** A published pack as the public page asks for it, in the reader's language (English when left out). */
export const PublishedPackInput = WardPackRef.extend({ language: LanguageCode.optional() });

/**
 * The token of a confirmation or unsubscribe link in a subscriber's e-mail. Any other text is
 * looked up as well (only its hash is), so a mangled link gets the lookup's "not valid" message.
 */
export const SubscriptionLinkInput = z.object({ token: z.string().min(1).max(200) });

/** A control room's name, as an admin issues it a feed key. */
export const ControlRoomName = z
  .string()
  .trim()
  .min(1, "Name the control room the key is for")
  .max(120, "Keep the name under 120 characters");
export const CreateApiKeyInput = z.object({ name: ControlRoomName, boroughCodes: z.array(BoroughCode).max(40) });

/** Confirming an upload that replaces a month: the staged upload, for the force it is from. */
export const ConfirmCrimeImportInput = ForceRef.extend({ stagedImportId: z.number().int().positive() });

/** An entry of a force's import log whose replaced rows are to come back. */
export const CrimeImportRef = ForceRef.extend({ importId: z.number().int().positive() });

/**
 * Restoring the rows an import replaced. `heldImportId` is the version the person saw as current in
 * the preview (null when nothing was held), so a restore never undoes a change they did not see.
 */
export const RestoreCrimeMonthInput = CrimeImportRef.extend({ heldImportId: z.number().int().positive().nullable() });
