import { CATEGORIES } from "@wardpanel/validators";

/** The one category list (police.uk's, and two more), as <option>s for every concern and priority form. */
export function ConcernCategoryOptions() {
  return (
    <>
      {Object.entries(CATEGORIES).map(([slug, label]) => (
        <option key={slug} value={slug}>
          {label}
        </option>
      ))}
    </>
  );
}
