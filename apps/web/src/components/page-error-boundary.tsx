import type { ErrorInfo, ReactNode } from "react";
import { Component } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

import { WayBack } from "./way-back";

type Props = { children: ReactNode; resetKey: string };
type State = { error: Error | null; resetKey: string };

/**
 * Catches a page that throws while rendering, so the reader gets the reason and the way back
 * (try again, previous page, ward, home) instead of a blank screen. Going to another address
 * (`resetKey`, the path) clears it.
 */
class Boundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.resetKey ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // Left in the console for whoever reports it; the page shows the reason.
    console.error(error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return <PageCrashed error={error} retry={() => this.setState({ error: null })} />;
  }
}

function PageCrashed({ error, retry }: { error: Error; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <p role="alert" className="font-semibold text-red-900">
        {t("status.crashed", { reason: error.message })}
      </p>
      <WayBack retry={retry} />
    </div>
  );
}

/** The layout's boundary around every page, reset by a change of address. */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary resetKey={pathname}>{children}</Boundary>;
}
