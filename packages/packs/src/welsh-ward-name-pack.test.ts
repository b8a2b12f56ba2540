import { WARD_FILES } from "@wardpanel/crime-data/testing";
import { getPackData } from "@wardpanel/db/queries/packs-data";
import { loadWards } from "@wardpanel/db/reference";
import { createTestDb } from "@wardpanel/db/testing";
import { describe, expect, it } from "vitest";

import { renderPackEmail } from "./render-email";
import { renderPackHtml } from "./render-html";
import { renderPackPdf } from "./render-pdf";
import { pdfText } from "./testing";
import { buildPackView } from "./view-model";

const CAERLEON = "W05000837"; // Caerllion, in ONS's 2013 Newport wards (WD13NMW)
const now = new Date("2025-01-20T10:00:00Z");
const mailOptions = { baseUrl: "https://wardpanel.example", unsubscribeUrl: "https://x.example/u" };

function caerleonData() {
  const db = createTestDb();
  loadWards(db, WARD_FILES.newport2013Welsh, { borough: { name: "Newport" } });
  return getPackData(db, { wardCode: CAERLEON, month: "2024-12", now });
}

describe("a pack's ward name in Welsh", () => {
  it("carries the Welsh name in its data, and writes it in the Welsh page, PDF and e-mail", async () => {
    const data = caerleonData();
    expect(data.ward).toMatchObject({ name: "Caerleon", nameWelsh: "Caerllion" });

    const view = buildPackView(data, "cy");
    expect(view.ward).toMatchObject({ name: "Caerleon", nameWelsh: "Caerllion", shown: "Caerllion" });
    expect(view.title).toBe("Ward Caerllion: diweddariad troseddu a phlismona, Rhagfyr 2024");
    expect(renderPackHtml(view)).toContain("Caerllion");
    expect(renderPackEmail(view, mailOptions).subject).toBe(
      "Caerllion: diweddariad troseddu a phlismona ar gyfer Rhagfyr 2024",
    );
    const { text } = await pdfText(await renderPackPdf(view));
    expect(text).toContain("Caerllion");
    expect(text).not.toContain("Caerleon");
  });

  it("writes the English name in English", () => {
    const view = buildPackView(caerleonData(), "en");
    expect(view.ward.shown).toBe("Caerleon");
    expect(view.title).toBe("Caerleon ward: crime and policing update, December 2024");
  });

  it("falls back to the English name for a pack frozen before the Welsh name was kept", () => {
    const { nameWelsh: _dropped, ...ward } = caerleonData().ward;
    const frozen = JSON.parse(JSON.stringify({ ...caerleonData(), ward })) as ReturnType<typeof caerleonData>;
    const view = buildPackView(frozen, "cy");
    expect(view.ward).toMatchObject({ nameWelsh: null, shown: "Caerleon" });
    expect(view.title).toBe("Ward Caerleon: diweddariad troseddu a phlismona, Rhagfyr 2024");
  });
});
