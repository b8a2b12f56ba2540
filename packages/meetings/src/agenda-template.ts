import type { AgendaItemKind } from "@wardpanel/validators";

/**
 * The agenda a new meeting starts from. It builds in what inspectors found good meetings do
 * (HMIC, "Policing in austerity" and the Pledge reviews; see domain.md): apologies, last minutes
 * with matters arising, a report back on current priorities, a crime update, time for community
 * concerns, and setting priorities. Chairs can change anything; this is only the easy path.
 */
type TemplateItem = {
  kind: AgendaItemKind;
  title: string;
  description: string;
  minutesAllowed: number;
  presenter: string;
};

export const AGENDA_TEMPLATE: readonly TemplateItem[] = [
  { kind: "welcome", title: "Welcome and introductions", description: "", minutesAllowed: 5, presenter: "Chair" },
  {
    kind: "purpose",
    title: "Purpose of the meeting",
    description: "To agree the ward's local policing priorities with the Safer Neighbourhoods Team.",
    minutesAllowed: 2,
    presenter: "Chair",
  },
  { kind: "apologies", title: "Apologies", description: "", minutesAllowed: 2, presenter: "Chair" },
  {
    kind: "previous_minutes",
    title: "Minutes of the last meeting and matters arising",
    description: "Approve the minutes; review actions still open.",
    minutesAllowed: 10,
    presenter: "Chair",
  },
  {
    kind: "report_back",
    title: "Report back on current priorities",
    description: "What police and partners did, and what changed.",
    minutesAllowed: 15,
    presenter: "Sergeant",
  },
  { kind: "crime_update", title: "Crime update", description: "", minutesAllowed: 10, presenter: "Sergeant" },
  {
    kind: "community_concerns",
    title: "Community concerns",
    description: "Residents raise issues for the panel to consider.",
    minutesAllowed: 15,
    presenter: "Chair",
  },
  {
    kind: "setting_priorities",
    title: "Setting priorities",
    description: "The panel agrees up to three priorities by a vote.",
    minutesAllowed: 15,
    presenter: "Chair",
  },
  { kind: "partner_updates", title: "Partner updates", description: "", minutesAllowed: 10, presenter: "" },
  { kind: "any_other_business", title: "Any other business", description: "", minutesAllowed: 5, presenter: "Chair" },
  { kind: "next_meeting", title: "Date of next meeting", description: "", minutesAllowed: 1, presenter: "Chair" },
];
