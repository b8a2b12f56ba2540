import { useQueryClient } from "@tanstack/react-query";
import type { RouterOutputs } from "@wardpanel/api";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

import { useTRPC } from "../lib/trpc";
import { secondaryButtonClass } from "./field";
import { OutsideAnswer } from "./ward-search-results";

type Outside = NonNullable<RouterOutputs["wards"]["atPoint"]["outside"]>;

type Locating =
  | { step: "idle" }
  | { step: "locating" }
  | { step: "failed"; message: ReturnType<typeof locationFailure> | "location.lookupFailed" }
  | { step: "outside"; outside: Outside };

/** How long to wait for the browser's position before saying so. */
const LOCATION_TIMEOUT_MS = 15_000;

/** What to tell someone for each way the browser can fail (GeolocationPositionError's codes). */
const LOCATION_FAILURES = { 1: "location.denied", 3: "location.timeout" } as const;
const locationFailure = (code: number) =>
  code === 1 || code === 3 ? LOCATION_FAILURES[code] : ("location.unknown" as const);

function currentPosition(): Promise<GeolocationPosition> {
  return new Promise((resolve, reject) => {
    navigator.geolocation.getCurrentPosition(resolve, reject, {
      timeout: LOCATION_TIMEOUT_MS,
      maximumAge: 60_000,
      enableHighAccuracy: false,
    });
  });
}

const isPositionError = (error: unknown): error is GeolocationPositionError =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "number";

/**
 * "Use my location": asks the browser where it is, finds the ward at that point and goes to its
 * page. Shown only where the browser offers geolocation; the position is sent once, to find the
 * ward, and not kept.
 */
export function UseMyLocation() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [state, setState] = useState<Locating>({ step: "idle" });
  const hintId = useId();
  const [supported] = useState(() => typeof navigator !== "undefined" && "geolocation" in navigator);

  if (!supported) return null;

  const locate = async () => {
    if (state.step === "locating") return;
    setState({ step: "locating" });
    let position: GeolocationPosition;
    try {
      position = await currentPosition();
    } catch (error) {
      setState({ step: "failed", message: locationFailure(isPositionError(error) ? error.code : 2) });
      return;
    }
    try {
      const point = { lat: position.coords.latitude, lon: position.coords.longitude };
      const found = await queryClient.fetchQuery(trpc.wards.atPoint.queryOptions(point));
      if (found.ward) await navigate(`/wards/${found.ward.code}`);
      else if (found.outside) setState({ step: "outside", outside: found.outside });
      else setState({ step: "failed", message: locationFailure(2) });
    } catch {
      setState({
        step: "failed",
        message: "location.lookupFailed",
      });
    }
  };

  return (
    <div className="mb-6 max-w-xl">
      <p id={hintId} className="mb-2">
        {t("location.hint")}
      </p>
      <button
        type="button"
        className={secondaryButtonClass}
        aria-describedby={hintId}
        onClick={() => void locate() /* locate reports every failure itself */}
      >
        {t("location.button")}
      </button>
      <div role="status" className="mt-2">
        {state.step === "locating" && <p>{t("location.finding")}</p>}
        {state.step === "outside" && <OutsideAnswer outside={state.outside} place={t("wardSearch.yourLocation")} />}
      </div>
      {state.step === "failed" && (
        <div role="alert" className="mt-2 border-l-4 border-red-800 bg-red-50 p-3 font-semibold text-red-900">
          {t(state.message)}
        </div>
      )}
    </div>
  );
}
