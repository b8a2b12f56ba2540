import type { TFunction } from "i18next";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";

import type { WardNames } from "../lib/ward-name";
import { useWardName, WardText } from "./ward-name";
import { When } from "./when";

type Successor = WardNames & { code: string; share: number };

/**
 * The notice at the top of a retired ward's page (decision 0026): the day its boundaries were
 * replaced, and links to the wards in force that now cover it, largest share first. The page
 * below stays readable: meetings, minutes, priorities and monthly updates.
 */
export function FormerWardNotice({
  ward,
  former,
}: {
  ward: WardNames;
  former: { retiredOn: string; successors: Successor[] };
}) {
  const { t } = useTranslation();
  const nameOf = useWardName();
  const wardName = nameOf(ward);
  const day = <When value={former.retiredOn} />;
  return (
    <section
      aria-labelledby="former-ward-heading"
      className="mb-6 rounded border-l-4 border-amber-700 bg-amber-50 p-4 text-slate-900"
    >
      <h2 id="former-ward-heading" className="text-xl font-bold">
        <Trans i18nKey="formerWard.heading" components={{ day }} />
      </h2>
      <p className="mt-1">
        <Trans i18nKey="formerWard.replaced" values={{ ward: wardName }} components={{ day }} />
      </p>
      {former.successors.length > 0 ? (
        <>
          <p className="mt-2">{t("formerWard.nowIn")}</p>
          <ul className="mt-1 grid gap-1">
            {former.successors.map((s) => (
              <li key={s.code}>
                <Link to={`/wards/${s.code}`} className="inline-flex min-h-11 items-center text-blue-800 underline">
                  <WardText i18nKey="formerWard.ward" ward={s} />
                </Link>{" "}
                <span className="text-slate-700">
                  {t("formerWard.share", { share: describeShare(t, s.share), ward: wardName })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2">
          <Link to="/" className="inline-flex min-h-11 items-center text-blue-800 underline">
            {t("layout.findYourWard")}
          </Link>
        </p>
      )}
    </section>
  );
}

/** "62%", "all", "under 1%": how much of the former ward a successor covers. */
function describeShare(t: TFunction, share: number): string {
  if (share >= 0.995) return t("formerWard.all");
  if (share < 0.01) return t("formerWard.underOne");
  return t("formerWard.percent", { percent: Math.round(share * 100) });
}
