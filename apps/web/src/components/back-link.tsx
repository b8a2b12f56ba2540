import { Link } from "react-router";

/** The way back up, at the top of every staff page below a ward. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <p className="mb-2">
      <Link to={to} className="inline-flex min-h-11 items-center text-blue-800 underline">
        {children}
      </Link>
    </p>
  );
}
