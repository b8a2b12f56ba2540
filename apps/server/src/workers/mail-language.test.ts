import { callerFor } from "@wardpanel/api/testing";
import { createTestDb, seedUser } from "@wardpanel/db/testing";
import { afterEach, describe, expect, it } from "vitest";

import { createPackTransport } from "../mail/mail-transport";
import { startTestSmtpServer } from "../mail/testing-smtp";
import { sendDueConcernEmails } from "./concern-mailer";
import { sendDueMessageEmails } from "./message-mailer";

const WARD = "E05013653";
const BASE_URL = "https://wardpanel.example";
const SECRET = "a-secret-for-router-tests-only-not-for-a-server";

// Welsh Language Standards: a resident who writes in Welsh is answered in Welsh. The language they
// wrote in is recorded with their message or concern, shown to the team, and every e-mail to them
// is written in it.
describe("the language a resident wrote in", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>> | null = null;
  afterEach(async () => {
    await smtp?.close();
    smtp = null;
  });

  async function setUp(forceWords?: "elsewhere") {
    smtp = await startTestSmtpServer();
    const db = createTestDb();
    const sergeant = await seedUser(db, { email: "sgt@example.test", roles: [{ role: "sergeant", wardCode: WARD }] });
    const pc = await seedUser(db, {
      email: "pc@example.test",
      name: "PC Amara Lewis",
      roles: [{ role: "team_member", wardCode: WARD }],
    });
    const transport = createPackTransport({
      SMTP_URL: smtp.url,
      PACK_OUTBOX_DIR: "/nonexistent",
      MAIL_FROM: "Ward Panel <updates@wardpanel.invalid>",
    });
    const options = { transport, baseUrl: BASE_URL, tokenSecret: SECRET, forceWords };
    const received = smtp.received;
    return {
      deliverMessages: () => sendDueMessageEmails(db, { ...options, responseTargetHours: 72 }),
      deliverConcerns: () => sendDueConcernEmails(db, options),
      mailTo: (address: string) => received.filter((m) => m.to.includes(address)),
      resident: callerFor(db, null),
      team: callerFor(db, pc.id),
      sergeant: callerFor(db, sergeant.id),
    };
  }

  it("is stored with a message, shown in the team's inbox, and the acknowledgement and reply are in Welsh", async () => {
    const { deliverMessages, mailTo, resident, team } = await setUp();
    const message = (body: string, contactEmail: string, language?: string) =>
      resident.messages.send({
        wardCode: WARD,
        topic: "anti-social-behaviour",
        body,
        contactEmail,
        hasConsent: true,
        openedAt: Date.now() - 10_000,
        ...(language && { language }),
      });
    const welsh = await message("Beiciau modur yn rasio o gwmpas y sgwâr bob nos", "bethan@example.test", "cy");
    await message("Motorbikes racing round the square at night", "ada@example.test");
    // A language with no catalogue is recorded as English, the language the e-mails can be written in.
    await message("Motocykle ścigają się wokół placu", "ola@example.test", "pl");

    const inbox = await team.inbox.forWard({ wardCode: WARD });
    const languageOf = (body: string) => inbox.messages.find((m) => m.body.startsWith(body))?.language;
    expect(languageOf("Beiciau")).toBe("cy");
    expect(languageOf("Motorbikes")).toBe("en");
    expect(languageOf("Motocykle")).toBe("en");

    await deliverMessages();
    const ack = mailTo("bethan@example.test")[0]!;
    expect(ack.headers).toContain(`Mae eich neges gennym (${welsh.reference})`);
    expect(ack.body).toContain("o fewn 72 awr");
    expect(mailTo("ada@example.test")[0]!.headers).toContain("We have your message");

    const messageId = inbox.messages.find((m) => m.body.startsWith("Beiciau"))!.id;
    const shown = await team.inbox.message({ wardCode: WARD, messageId });
    expect(shown.language).toBe("cy");
    await team.inbox.reply({ wardCode: WARD, messageId, text: "Byddwn yn patrolio'r sgwâr nos Wener." });
    await deliverMessages();
    const reply = mailTo("bethan@example.test")[1]!;
    // The subject holds "tîm", so it is MIME-encoded in the header: the body says the same in plain text.
    expect(reply.headers).toContain(welsh.reference);
    expect(reply.body).toContain("Atebodd PC Amara Lewis:");
    expect(reply.body).toContain("Darllen ac ateb ar eich tudalen breifat");
    expect(reply.body).not.toContain("replied");
  });

  it("is stored with a concern, and its e-mails are in Welsh", async () => {
    const { deliverConcerns, mailTo, resident, sergeant } = await setUp();
    const concern = await resident.concerns.submit({
      wardCode: WARD,
      description: "Sbwriel yn cael ei daflu yn y parc",
      location: "Y parc wrth yr orsaf",
      postcode: "",
      lon: null,
      lat: null,
      category: "anti-social-behaviour",
      website: "",
      openedAt: Date.now() - 10_000,
      hasConsent: true,
      contactEmail: "bethan@example.test",
      language: "cy",
    });
    const [queued] = await sergeant.concerns.queue({ wardCode: WARD });
    expect(queued?.language).toBe("cy");
    await deliverConcerns();
    const ack = mailTo("bethan@example.test")[0]!;
    expect(ack.headers).toContain(`Mae eich pryder gennym (${concern.reference})`);
    expect(ack.body).toContain("Dilyn eich pryder");
  });

  // Issue 13: outside London the team is a "Neighbourhood Policing Team" (forceWordsOf(POLICE_FORCE_ID)).
  it("names the team as a force outside London does, in English and in Welsh", async () => {
    const { deliverMessages, deliverConcerns, mailTo, resident } = await setUp("elsewhere");
    const send = (contactEmail: string, language: string) =>
      resident.messages.send({
        wardCode: WARD,
        topic: "anti-social-behaviour",
        body: "Motorbikes racing round the square at night",
        contactEmail,
        hasConsent: true,
        openedAt: Date.now() - 10_000,
        language,
      });
    await send("ada@example.test", "en");
    await send("bethan@example.test", "cy");
    await resident.concerns.submit({
      wardCode: WARD,
      description: "Litter dumped in the park",
      location: "The park by the station",
      postcode: "",
      lon: null,
      lat: null,
      category: "anti-social-behaviour",
      website: "",
      openedAt: Date.now() - 10_000,
      hasConsent: true,
      contactEmail: "cai@example.test",
      language: "en",
    });
    await deliverMessages();
    await deliverConcerns();
    const english = mailTo("ada@example.test")[0]!.body;
    expect(english).toContain("reached the Neighbourhood Policing Team for");
    expect(english).not.toContain("Safer Neighbourhoods");
    expect(mailTo("cai@example.test")[0]!.body).toContain("reached the Neighbourhood Policing Team for");
    expect(mailTo("bethan@example.test")[0]!.body).toContain("Plismona Bro");
  });
});
