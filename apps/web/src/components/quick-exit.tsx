import { useEffect } from "react";
import { Trans, useTranslation } from "react-i18next";

/** Where "Exit this page" goes: a neutral site, as GOV.UK's component does by default. */
const NEUTRAL_SITE = "https://www.bbc.co.uk/weather";
/** GOV.UK's shortcut: the Shift key pressed three times within this many milliseconds. */
const SHIFT_WINDOW_MS = 5_000;

/** Leaves at once, without a history entry to come back to, after hiding what the page shows. */
function exitNow() {
  document.title = "Loading";
  document.body.style.visibility = "hidden";
  window.location.replace(NEUTRAL_SITE);
}

/**
 * "Exit this page", after GOV.UK's exit-this-page component
 * (https://design-system.service.gov.uk/components/exit-this-page/), for forms someone may need to
 * hide quickly: a clearly visible button that replaces this page with a neutral site
 * (`location.replace`, so Back does not return here), and the same on pressing Shift three times.
 * It works as a plain link without JavaScript.
 */
export function QuickExit() {
  const { t } = useTranslation();
  useEffect(() => {
    let presses: number[] = [];
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Shift" || event.repeat) return;
      const now = Date.now();
      presses = [...presses.filter((t) => now - t < SHIFT_WINDOW_MS), now];
      if (presses.length >= 3) exitNow();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <div
      data-quick-exit
      className="sticky top-0 z-10 mb-4 flex flex-wrap items-center justify-end gap-x-3 gap-y-1 bg-white py-2"
    >
      <span className="text-sm text-slate-700">{t("quickExit.shortcut")}</span>
      <a
        href={NEUTRAL_SITE}
        role="button"
        rel="nofollow noreferrer"
        className="inline-flex min-h-11 items-center rounded bg-red-800 px-4 py-2 font-bold text-white underline-offset-2 hover:bg-red-900 focus:outline-4 focus:outline-offset-2 focus:outline-yellow-400"
        onClick={(event) => {
          event.preventDefault();
          exitNow();
        }}
      >
        {t("quickExit.exit")}
      </a>
    </div>
  );
}

/** What to do instead of this form in an emergency or to report a crime: shown before the form starts. */
export function NotForEmergencies() {
  const { t } = useTranslation();
  return (
    <div className="mb-6 max-w-2xl border-l-8 border-red-800 bg-red-50 p-4">
      <p className="text-lg font-bold">{t("quickExit.notForEmergencies")}</p>
      <ul className="mt-2 list-disc pl-6">
        <li>
          <Trans i18nKey="quickExit.emergency" components={{ strong: <strong /> }} />
        </li>
        <li>
          <Trans
            i18nKey="quickExit.report"
            components={{
              strong: <strong />,
              anchor: <a href="https://www.police.uk/pu/contact-us/" className="text-blue-800 underline" />,
            }}
          />
        </li>
      </ul>
    </div>
  );
}
