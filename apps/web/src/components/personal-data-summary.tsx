import type { RouterOutputs } from "@wardpanel/api";
import { ROLE_LABELS } from "@wardpanel/validators";

type PersonalDataExport = RouterOutputs["personalData"]["export"];

/** How many things of each kind are held, in words; an empty list means nothing is held. */
export function heldItems(data: PersonalDataExport): string[] {
  const count = (n: number, one: string, many: string) => (n > 0 ? [`${n} ${n === 1 ? one : many}`] : []);
  return [
    ...(data.account
      ? [
          `A staff account for ${data.account.name}${data.roles.length > 0 ? ` (${data.roles.map((r) => `${ROLE_LABELS[r.role]}${r.wardName ? `, ${r.wardName}` : ""}`).join("; ")})` : ", with no roles"}`,
        ]
      : []),
    ...count(data.activeSessions, "signed-in session", "signed-in sessions"),
    ...count(data.invitations.length, "invitation", "invitations"),
    ...count(
      data.attendance.length,
      "meeting attended or sent apologies for",
      "meetings attended or sent apologies for",
    ),
    ...count(
      data.votesCast.length,
      "vote cast (kept: part of the vote's verifiable record)",
      "votes cast (kept: part of each vote's verifiable record)",
    ),
    ...count(data.teamListings.length, "entry in a ward's public team list", "entries in wards' public team lists"),
    ...count(data.meetingGuests.length, "meeting guest with the same name", "meeting guests with the same name"),
    ...count(data.actionsOwned.length, "action owned under the same name", "actions owned under the same name"),
    ...count(
      data.namedInMinutes.length,
      "version of minutes naming them (kept: a formal record)",
      "versions of minutes naming them (kept: a formal record)",
    ),
    ...count(data.subscriptions.length, "subscription to crime updates", "subscriptions to crime updates"),
    ...count(
      data.rememberedUnsubscribes.length,
      "remembered unsubscribe (kept as a hash of the address)",
      "remembered unsubscribes (kept as a hash of the address)",
    ),
    ...count(
      data.concernsRaised.length,
      "concern raised with this contact address",
      "concerns raised with this contact address",
    ),
    ...count(
      data.messagesSent.length,
      "message to a team with this contact address",
      "messages to a team with this contact address",
    ),
    ...count(data.publicSignIns.length, "public sign-in at a meeting", "public sign-ins at meetings"),
  ];
}

/** Saves the export as a JSON file, for sending to the person who asked. */
export function downloadJson(data: PersonalDataExport) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `personal-data-${data.email}.json`;
  link.click();
  URL.revokeObjectURL(url);
}
