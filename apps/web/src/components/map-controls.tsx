import type { ReactNode } from "react";

import { secondaryButtonClass } from "./field";

/**
 * A map button that stays in place when there is nothing for it to do (aria-disabled, not
 * disabled), so keyboard focus is never lost from under the person who just pressed it.
 */
export function MapButton({
  onClick,
  isAvailable = true,
  children,
}: {
  onClick: () => void;
  isAvailable?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      aria-disabled={!isAvailable}
      className={`${secondaryButtonClass} aria-disabled:opacity-60`}
      onClick={() => isAvailable && onClick()}
    >
      {children}
    </button>
  );
}

export const mapInstructions = (what: string) =>
  `Click or tap the map to ${what}. With a keyboard, tab to the map, move the crosshair with the arrow keys (hold Shift for bigger steps) and press Enter or Space.`;
