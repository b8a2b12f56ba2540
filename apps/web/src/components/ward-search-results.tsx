import type { RouterOutputs } from "@wardpanel/api";
import type { TFunction } from "i18next";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";

import { formatMonth } from "../lib/dates";
import { useLoadedData } from "../lib/use-loaded-data";
import { WardText } from "./ward-name";

type Found = RouterOutputs["wards"]["search"];
type Outside = NonNullable<Found["outside"]>;
type FoundWard = Found["wards"][number];

/** The heading of the results: what was searched for and how many wards it found. */
function headingFor(found: Found, t: TFunction): string {
  const count = found.wards.length;
  if (found.outside) return t("wardSearch.notCovered", { place: found.postcode ?? t("wardSearch.thatPlace") });
  if (found.unknownInSector) return t("wardSearch.cannotFind", { postcode: found.postcode ?? "" });
  if (count === 0) return t("wardSearch.noWardsFound");
  switch (found.kind) {
    case "postcode":
      return t("wardSearch.wardFor", { postcode: found.postcode ?? "" });
    case "sector":
    case "outward":
      return t("wardSearch.covers", { count, area: found.postcode ?? "" });
    default:
      return t("wardSearch.found", { count });
  }
}

function WardLink({ ward, area }: { ward: FoundWard; area: string | null }) {
  const { t } = useTranslation();
  return (
    <li>
      <Link to={`/wards/${ward.code}`} className="inline-block min-h-11 py-2 text-blue-800 underline">
        <WardText i18nKey="wardSearch.wardInBorough" ward={ward} values={{ borough: ward.boroughName }} />
      </Link>
      {ward.postcodeCount !== null && area && (
        <span className="block text-sm text-slate-700 sm:ml-2 sm:inline">
          {t("wardSearch.postcodesOf", { count: ward.postcodeCount, area })}
        </span>
      )}
    </li>
  );
}

/** What a search found: a ward list, a terminated postcode's ward, the way to police.uk, or what to try. */
export function WardSearchResults({
  found,
  query,
  inBorough,
  headingRef,
}: {
  found: Found;
  query: string;
  inBorough: boolean;
  headingRef: Ref<HTMLHeadingElement>;
}) {
  const { t } = useTranslation();
  const area = found.kind === "sector" || found.kind === "outward" ? found.postcode : null;
  return (
    <>
      <h2 id="results-heading" ref={headingRef} tabIndex={-1} className="mb-2 text-2xl font-bold">
        {headingFor(found, t)}
      </h2>
      {found.outside ? (
        <OutsideAnswer outside={found.outside} place={found.postcode ?? t("wardSearch.thatPlace")} />
      ) : found.unknownInSector ? (
        <UnknownInSector postcode={found.postcode} nearby={found.unknownInSector} />
      ) : found.wards.length === 0 ? (
        <NoMatch found={found} query={query} inBorough={inBorough} />
      ) : (
        <>
          {found.kind === "postcode" && found.terminatedOn && (
            <p className="mb-2 max-w-prose">
              {t("wardSearch.terminated", { postcode: found.postcode, month: formatMonth(found.terminatedOn) })}
            </p>
          )}
          {area && found.wards.length > 1 && <p className="mb-2 max-w-prose">{t("wardSearch.shared", { area })}</p>}
          <ul className={area ? "grid gap-1" : "grid gap-1 sm:grid-cols-2"}>
            {found.wards.map((ward) => (
              <WardLink key={ward.code} ward={ward} area={area} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** A postcode we do not hold in a sector we do: mistyped, too new, or just over our edge. */
function UnknownInSector({
  postcode,
  nearby,
}: {
  postcode: string | null;
  nearby: NonNullable<Found["unknownInSector"]>;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mb-2 max-w-prose">{t("wardSearch.unknownInSector", { postcode, sector: nearby.sector })}</p>
      <ul className="mb-2 grid gap-1">
        {nearby.wards.map((ward) => (
          <WardLink key={ward.code} ward={ward} area={nearby.sector} />
        ))}
      </ul>
      <p className="max-w-prose">
        {t("wardSearch.ifRight")}{" "}
        <a href={nearby.policeUkUrl} className="inline-block min-h-11 py-2 font-semibold text-blue-800 underline">
          {t("wardSearch.policeUkLink")}
        </a>
      </p>
    </>
  );
}

function NoMatch({ found, query, inBorough }: { found: Found; query: string; inBorough: boolean }) {
  const { t } = useTranslation();
  const example = useLoadedData()?.examples?.postcode;
  const area = found.postcode ?? "";
  if (found.kind === "postcode" || found.kind === "sector" || found.kind === "outward")
    return (
      <p className="max-w-prose">
        {inBorough ? t("wardSearch.noWardInBoroughHolds", { area }) : t("wardSearch.noWardHolds", { area })}
      </p>
    );
  return (
    <>
      <p className="mb-2 max-w-prose">{t("wardSearch.noMatch", { query })}</p>
      <ul className="ml-6 max-w-prose list-disc">
        <li>{t("wardSearch.trySpelling")}</li>
        <li>{example ? t("wardSearch.tryPostcode", { postcode: example }) : t("wardSearch.tryFullPostcode")}</li>
        <li>{inBorough ? t("wardSearch.tryAllBoroughs") : t("wardSearch.tryBorough")}</li>
      </ul>
    </>
  );
}

/** A place outside every loaded ward: where it is not, and the way to police.uk. */
export function OutsideAnswer({ outside, place }: { outside: Outside; place: string }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="mb-2 max-w-prose">
        {outside.boroughsWithoutPostcodes.length === 0
          ? t("wardSearch.outside", { place })
          : t("wardSearch.notHeld", { place, count: outside.boroughsWithoutPostcodes.length })}
      </p>
      <p>
        <a href={outside.policeUkUrl} className="inline-block min-h-11 py-2 font-semibold text-blue-800 underline">
          {t("wardSearch.goToPoliceUk")}
        </a>
      </p>
    </>
  );
}
