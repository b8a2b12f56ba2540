import { describe, expect, it } from "vitest";

import { meetingPlace, publicJoinLink } from "./meeting-place";

const room = {
  kind: "panel_meeting",
  venueName: "Holborn Library",
  venueAddress: "32 Theobalds Road",
  onlineUrl: "",
} as const;

describe("where a meeting happens", () => {
  it("tells online, in-person and hybrid meetings apart", () => {
    expect(meetingPlace(room)).toBe("in_person");
    expect(meetingPlace({ ...room, onlineUrl: "https://meet.example/abc" })).toBe("hybrid");
    expect(meetingPlace({ ...room, venueName: "", venueAddress: "", onlineUrl: "https://meet.example/abc" })).toBe(
      "online",
    );
    expect(meetingPlace({ ...room, kind: "online_meeting", venueName: " ", venueAddress: "" })).toBe("online");
  });

  it("withholds the join link of a cancelled meeting only", () => {
    const url = "https://meet.example/abc";
    expect(publicJoinLink({ status: "published", onlineUrl: url })).toBe(url);
    expect(publicJoinLink({ status: "held", onlineUrl: url })).toBe(url);
    expect(publicJoinLink({ status: "cancelled", onlineUrl: url })).toBe("");
  });
});
