import { Link } from "react-router";

/** The way back up, at the top of a page below a ward. */
export function BackLink({ to, children, className = "" }: { to: string; children: string; className?: string }) {
  return (
    <p className={`mb-2 ${className}`}>
      <Link to={to} className="inline-flex min-h-11 items-center text-blue-800 underline">
        {children}
      </Link>
    </p>
  );
}
