import { CONCERN_CATEGORIES } from "@wardpanel/validators";

/** The categories a concern is filed under, as <option>s for every concern form. */
export function ConcernCategoryOptions() {
  return (
    <>
      {CONCERN_CATEGORIES.map((c) => (
        <option key={c} value={c}>
          {c}
        </option>
      ))}
    </>
  );
}
