import type { RouterOutputs } from "@wardpanel/api";
import type { Ref } from "react";
import { Link } from "react-router";

import { formatMonth } from "../lib/dates";

type Found = RouterOutputs["wards"]["search"];
type Outside = NonNullable<Found["outside"]>;
type FoundWard = Found["wards"][number];

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The heading of the results: what was searched for and how many wards it found. */
function headingFor(found: Found): string {
  const count = plural(found.wards.length, "ward", "wards");
  if (found.outside) return `${found.postcode ?? "That place"} is not covered here`;
  if (found.unknownInSector) return `We cannot find ${found.postcode ?? "that postcode"}`;
  if (found.wards.length === 0) return "No wards found";
  switch (found.kind) {
    case "postcode":
      return `The ward for ${found.postcode}`;
    case "sector":
    case "outward":
      return `${count} ${found.wards.length === 1 ? "covers" : "cover"} ${found.postcode}`;
    default:
      return `${count} found`;
  }
}

function WardLink({ ward, area }: { ward: FoundWard; area: string | null }) {
  return (
    <li>
      <Link to={`/wards/${ward.code}`} className="inline-block min-h-11 py-2 text-blue-800 underline">
        {ward.name} — {ward.boroughName}
      </Link>
      {ward.postcodeCount !== null && area && (
        <span className="block text-sm text-slate-700 sm:ml-2 sm:inline">
          {plural(ward.postcodeCount, "postcode", "postcodes")} of {area}
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
  const area = found.kind === "sector" || found.kind === "outward" ? found.postcode : null;
  return (
    <>
      <h2 id="results-heading" ref={headingRef} tabIndex={-1} className="mb-2 text-2xl font-bold">
        {headingFor(found)}
      </h2>
      {found.outside ? (
        <OutsideAnswer outside={found.outside} />
      ) : found.unknownInSector ? (
        <UnknownInSector postcode={found.postcode} nearby={found.unknownInSector} />
      ) : found.wards.length === 0 ? (
        <NoMatch found={found} query={query} inBorough={inBorough} />
      ) : (
        <>
          {found.kind === "postcode" && found.terminatedOn && (
            <p className="mb-2 max-w-prose">
              {found.postcode} is no longer in use: it was retired in {formatMonth(found.terminatedOn)}. It was in this
              ward.
            </p>
          )}
          {area && found.wards.length > 1 && (
            <p className="mb-2 max-w-prose">
              {area} is shared by more than one ward. Each is listed with how many of {area}’s postcodes it holds; for
              your own ward, search for your full postcode.
            </p>
          )}
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
  return (
    <>
      <p className="mb-2 max-w-prose">
        {postcode} is not one of the postcodes of the wards covered here. Check it and search again: it may be mistyped,
        very new, or just outside these wards. Postcodes beginning {nearby.sector} are in:
      </p>
      <ul className="mb-2 grid gap-1">
        {nearby.wards.map((ward) => (
          <WardLink key={ward.code} ward={ward} area={nearby.sector} />
        ))}
      </ul>
      <p className="max-w-prose">
        If your postcode is right and outside these wards,{" "}
        <a href={nearby.policeUkUrl} className="inline-block min-h-11 py-2 font-semibold text-blue-800 underline">
          find your neighbourhood policing team on police.uk
        </a>
        .
      </p>
    </>
  );
}

function NoMatch({ found, query, inBorough }: { found: Found; query: string; inBorough: boolean }) {
  if (found.kind === "postcode" || found.kind === "sector" || found.kind === "outward")
    return (
      <p className="max-w-prose">
        No ward {inBorough ? "in the borough you chose " : ""}holds {found.postcode}.{" "}
        {inBorough ? "Choose “All boroughs” and search again." : "Check the postcode and search again."}
      </p>
    );
  return (
    <>
      <p className="mb-2 max-w-prose">No wards match “{query}”. You could:</p>
      <ul className="ml-6 max-w-prose list-disc">
        <li>check the spelling of the ward or borough name;</li>
        <li>search for your full postcode, like NW3 4QG;</li>
        <li>
          {inBorough
            ? "choose “All boroughs”, in case the ward is in another borough."
            : "leave the box empty and choose your borough, to see all its wards."}
        </li>
      </ul>
    </>
  );
}

/** A place outside every loaded ward: the server's sentence, and the way to police.uk. */
export function OutsideAnswer({ outside }: { outside: Outside }) {
  return (
    <>
      <p className="mb-2 max-w-prose">{outside.message}</p>
      <p>
        <a href={outside.policeUkUrl} className="inline-block min-h-11 py-2 font-semibold text-blue-800 underline">
          Go to police.uk
        </a>
      </p>
    </>
  );
}
