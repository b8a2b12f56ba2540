import type { RouterOutputs } from "@wardpanel/api";

export type MinutesContent = RouterOutputs["publicMeeting"]["view"]["minutes"][number]["content"];
