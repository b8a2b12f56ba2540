import cy from "@wardpanel/i18n/locales/cy.json";
import en from "@wardpanel/i18n/locales/en.json";
import {
  FORM_MESSAGES,
  formMessage,
  PublicConcernInput,
  readFormMessage,
  SendMessageInput,
} from "@wardpanel/validators";
import i18next from "i18next";
import { describe, expect, it } from "vitest";

describe("the public forms' messages", () => {
  it("are the English catalogue's formMessages block, word for word", () => {
    expect(en.formMessages).toEqual(FORM_MESSAGES);
  });

  it("read back to their code and values, whatever the numbers", () => {
    expect(readFormMessage(formMessage("tooLong", { max: 3000 }))).toEqual({
      code: "tooLong",
      values: { max: "3000" },
    });
    expect(readFormMessage(formMessage("tooManyMessages", { minutes: 12 }))).toEqual({
      code: "tooManyMessages",
      values: { minutes: "12" },
    });
    expect(readFormMessage("A sentence from somewhere else")).toBeNull();
  });

  it("cover what the message and concern schemas say about a bad field, in Welsh too", async () => {
    const t = i18next.createInstance();
    await t.init({ lng: "cy", resources: { cy: { translation: cy } }, interpolation: { escapeValue: false } });
    const message = SendMessageInput.safeParse({ wardCode: "E05013653", topic: "", body: "short", openedAt: 1 });
    const concern = PublicConcernInput.safeParse({
      wardCode: "E05013653",
      description: "",
      location: "x".repeat(201),
      postcode: "nowhere",
      lon: null,
      lat: null,
      category: "",
      website: "",
      openedAt: 1,
    });
    const issues = [...(message.error?.issues ?? []), ...(concern.error?.issues ?? [])];
    expect(issues.length).toBeGreaterThanOrEqual(6);
    for (const { message: text } of issues) {
      const read = readFormMessage(text);
      expect(read, text).not.toBeNull();
      const welsh = t.t(`formMessages.${read!.code}`, { ...read!.values, defaultValue: text });
      expect(welsh).not.toBe(text);
    }
  });
});
