import { describe, expect, it } from "vitest";

import { wardName } from "./ward-name";

describe("wardName", () => {
  const caerleon = { name: "Caerleon", nameWelsh: "Caerllion" };

  it("gives the Welsh name on a Welsh page, the English name otherwise", () => {
    expect(wardName(caerleon, "cy")).toEqual({ text: "Caerllion", lang: "cy" });
    expect(wardName(caerleon, "en")).toEqual({ text: "Caerleon", lang: "en" });
    expect(wardName(caerleon, "pl")).toEqual({ text: "Caerleon", lang: "en" });
  });

  it("falls back to the English name, marked English, when no Welsh name is held", () => {
    expect(wardName({ name: "Bloomsbury", nameWelsh: null }, "cy")).toEqual({ text: "Bloomsbury", lang: "en" });
    expect(wardName({ name: "Bloomsbury" }, "cy")).toEqual({ text: "Bloomsbury", lang: "en" });
    expect(wardName({ name: "Bloomsbury", nameWelsh: "  " }, "cy")).toEqual({ text: "Bloomsbury", lang: "en" });
  });
});
