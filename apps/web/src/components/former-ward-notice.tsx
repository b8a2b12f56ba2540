import { Link } from "react-router";

import { When } from "./when";

type Successor = { code: string; name: string; share: number };

/**
 * The notice at the top of a retired ward's page (decision 0026): the day its boundaries were
 * replaced, and links to the wards in force that now cover it, largest share first. The page
 * below stays readable: meetings, minutes, priorities and monthly updates.
 */
export function FormerWardNotice({
  wardName,
  former,
}: {
  wardName: string;
  former: { retiredOn: string; successors: Successor[] };
}) {
  return (
    <section
      aria-labelledby="former-ward-heading"
      className="mb-6 rounded border-l-4 border-amber-700 bg-amber-50 p-4 text-slate-900"
    >
      <h2 id="former-ward-heading" className="text-xl font-bold">
        Former ward: replaced on <When value={former.retiredOn} />
      </h2>
      <p className="mt-1">
        {wardName} ward's boundaries were replaced on <When value={former.retiredOn} />. Its past meetings, minutes,
        priorities and monthly updates are kept here to read; new meetings are held in the wards that replaced it.
      </p>
      {former.successors.length > 0 ? (
        <>
          <p className="mt-2">The area is now in:</p>
          <ul className="mt-1 grid gap-1">
            {former.successors.map((s) => (
              <li key={s.code}>
                <Link to={`/wards/${s.code}`} className="inline-flex min-h-11 items-center text-blue-800 underline">
                  {s.name} ward
                </Link>{" "}
                <span className="text-slate-700">
                  ({describeShare(s.share)} of {wardName})
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-2">
          <Link to="/" className="inline-flex min-h-11 items-center text-blue-800 underline">
            Find your ward
          </Link>
        </p>
      )}
    </section>
  );
}

/** "62%", "all", "under 1%": how much of the former ward a successor covers. */
function describeShare(share: number): string {
  if (share >= 0.995) return "all";
  if (share < 0.01) return "under 1%";
  return `${Math.round(share * 100)}%`;
}
