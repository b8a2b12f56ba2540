import { useEffect } from "react";
import { useOutletContext } from "react-router";

/** What the layout hands its pages: a way to say "this page's text is in the chosen language". */
export type LayoutContext = { setTranslatedPage: (translated: boolean) => void };

/**
 * A page whose text all comes from the catalogues calls this. Until a page does, the layout marks
 * its main content `lang="en"` whatever language is chosen, so a screen reader never reads an
 * English page with Welsh pronunciation (WCAG 3.1.1, 3.1.2). docs/translations.md lists the pages.
 */
export function useTranslatedPage() {
  const { setTranslatedPage } = useOutletContext<LayoutContext>();
  useEffect(() => {
    setTranslatedPage(true);
    return () => setTranslatedPage(false);
  }, [setTranslatedPage]);
}
