/** Loading and error states announced to screen readers. */
export function Loading({ what = "Loading…" }: { what?: string }) {
  return <p role="status">{what}</p>;
}

export function LoadError({ error }: { error: { message: string } }) {
  return (
    <p role="alert" className="font-semibold text-red-900">
      Something went wrong: {error.message} Try again in a moment.
    </p>
  );
}
