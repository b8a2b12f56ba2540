import { Link } from "react-router";

import { useTitle } from "../lib/use-viewer";

export function NotFoundPage() {
  useTitle("Page not found");
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">Page not found</h1>
      <p>
        Check the address, or{" "}
        <Link to="/" className="text-blue-800 underline">
          find your ward
        </Link>
        .
      </p>
    </>
  );
}
