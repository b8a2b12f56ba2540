import { callerFor } from "@wardpanel/api/testing";
import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { loadWards } from "@wardpanel/db/reference";
import { createTestDb, seedUser } from "@wardpanel/db/testing";
import { afterEach, describe, expect, it } from "vitest";

import { createPackTransport } from "../mail/mail-transport";
import { startTestSmtpServer } from "../mail/testing-smtp";
import { sendDueMessageEmails } from "./message-mailer";

const CAERLEON = "W05000837"; // Caerllion, in ONS's 2013 Newport wards (WD13NMW)

/** E-mails written in Welsh name the ward by its Welsh name where the boundary file gave one. */
describe("a ward's Welsh name in e-mails", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>> | null = null;
  afterEach(async () => {
    await smtp?.close();
    smtp = null;
  });

  it("acknowledges a message written in Welsh with the Welsh ward name, one in English with the English", async () => {
    smtp = await startTestSmtpServer();
    const db = createTestDb();
    loadWards(db, WARD_FILES.newport2013Welsh, { borough: { name: "Newport" } });
    await seedUser(db, { email: "pc@example.test", roles: [{ role: "team_member", wardCode: CAERLEON }] });
    const resident = callerFor(db, null);
    const send = (contactEmail: string, language: string) =>
      resident.messages.send({
        wardCode: CAERLEON,
        topic: "anti-social-behaviour",
        body: "Motorbikes racing round the square at night",
        contactEmail,
        hasConsent: true,
        openedAt: Date.now() - 10_000,
        language,
      });
    await send("bethan@example.test", "cy");
    await send("ada@example.test", "en");

    const transport = createPackTransport({
      SMTP_URL: smtp.url,
      PACK_OUTBOX_DIR: "/nonexistent",
      MAIL_FROM: "Ward Panel <updates@wardpanel.invalid>",
    });
    await sendDueMessageEmails(db, {
      transport,
      baseUrl: "https://wardpanel.example",
      tokenSecret: "a-secret-for-router-tests-only-not-for-a-server",
      responseTargetHours: 72,
    });
    const received = smtp.received;
    const bodyTo = (address: string) => received.find((m) => m.to.includes(address))?.body ?? "";
    expect(bodyTo("bethan@example.test")).toContain("Caerllion");
    expect(bodyTo("bethan@example.test")).not.toContain("Caerleon");
    expect(bodyTo("ada@example.test")).toContain("Caerleon ward");
  });
});
