import { callerFor } from "@wardpanel/api/testing";
import { createTestDb, seedUser } from "@wardpanel/db/testing";
import { afterEach, describe, expect, it } from "vitest";

import { createPackTransport } from "../mail/mail-transport";
import { startTestSmtpServer } from "../mail/testing-smtp";
import { sendDueMessageEmails } from "./message-mailer";

const WARD = "E05013653";
const BASE_URL = "https://wardpanel.example";
const SECRET = "a-secret-for-router-tests-only-not-for-a-server";

describe("message e-mails over real SMTP", () => {
  let smtp: Awaited<ReturnType<typeof startTestSmtpServer>> | null = null;
  afterEach(async () => {
    await smtp?.close();
    smtp = null;
  });

  async function setUp() {
    smtp = await startTestSmtpServer();
    const db = createTestDb();
    await seedUser(db, { email: "sgt@example.test", roles: [{ role: "sergeant", wardCode: WARD }] });
    const pc = await seedUser(db, {
      email: "pc@example.test",
      name: "PC Amara Lewis",
      roles: [{ role: "team_member", wardCode: WARD }],
    });
    const admin = await seedUser(db, { email: "admin@example.test", name: "Insp Grey", roles: [{ role: "admin" }] });
    const transport = createPackTransport({
      SMTP_URL: smtp.url,
      PACK_OUTBOX_DIR: "/nonexistent",
      MAIL_FROM: "Ward Panel <updates@wardpanel.invalid>",
    });
    const deliver = () =>
      sendDueMessageEmails(db, { transport, baseUrl: BASE_URL, tokenSecret: SECRET, responseTargetHours: 72 });
    const send = (body: string, contactEmail: string) =>
      callerFor(db, null).messages.send({
        wardCode: WARD,
        topic: "anti-social-behaviour",
        body,
        contactEmail,
        hasConsent: contactEmail !== "",
        openedAt: Date.now() - 10_000,
      });
    const received = smtp.received;
    const mailTo = (address: string) => received.filter((m) => m.to.includes(address));
    return {
      deliver,
      send,
      mailTo,
      received,
      resident: callerFor(db, null),
      team: callerFor(db, pc.id),
      manager: callerFor(db, admin.id),
    };
  }

  it("acknowledges with the reference and private link, sends the team's reply and the manager's response", async () => {
    const { deliver, send, mailTo, received, resident, team, manager } = await setUp();
    const sent = await send("Motorbikes racing round the square at night", "ada@example.test");
    const silent = await send("Same bikes, but I want no e-mail", "");
    expect(sent.reference).toMatch(/^WM-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(sent.isEmailed).toBe(true);
    expect(silent.isEmailed).toBe(false);

    await deliver();
    expect(received).toHaveLength(1);
    const ack = mailTo("ada@example.test")[0]!;
    expect(ack.headers).toContain(`We have your message (${sent.reference})`);
    expect(ack.body).toContain("within 72 hours");
    expect(ack.body).toContain(`${BASE_URL}${sent.threadPath}`);

    const inbox = await team.inbox.forWard({ wardCode: WARD });
    const idOf = (body: string) => inbox.messages.find((m) => m.body === body)!.id;
    const reply = "We will patrol the square on Friday and Saturday nights this month.";
    await team.inbox.reply({
      wardCode: WARD,
      messageId: idOf("Motorbikes racing round the square at night"),
      text: reply,
    });
    await team.inbox.reply({ wardCode: WARD, messageId: idOf("Same bikes, but I want no e-mail"), text: reply });
    await deliver();
    expect(received).toHaveLength(2);
    const replied = mailTo("ada@example.test")[1]!;
    expect(replied.headers).toContain(`The team has replied to your message (${sent.reference})`);
    expect(replied.body).toContain("PC Amara Lewis replied:");
    expect(replied.body).toContain(reply);
    expect(replied.body).toContain(`${BASE_URL}${sent.threadPath}`);

    const token = sent.threadPath!.slice("/messages/".length);
    await resident.messages.notGoodEnough({ token, reason: "Patrols at weekends miss the weekday racing" });
    const [waiting] = await manager.oversight.recourse({ boroughCode: null });
    expect(waiting?.reason).toBe("Patrols at weekends miss the weekday racing");
    await manager.oversight.respond({
      messageId: waiting!.messageId,
      text: "I have asked the team to add weekday patrols.",
    });
    await deliver();
    expect(mailTo("ada@example.test")).toHaveLength(3);
    expect(mailTo("ada@example.test")[2]!.body).toContain("I have asked the team to add weekday patrols.");
    expect(received).toHaveLength(3);
  });
});
