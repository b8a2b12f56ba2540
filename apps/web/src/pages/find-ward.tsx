import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { WardSearch } from "@wardpanel/validators";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useNavigate, useSearchParams } from "react-router";
import type { z } from "zod";

import { BoroughOptions } from "../components/borough-options";
import { buttonClass, Field, inputClass } from "../components/field";
import { LoadError, Loading } from "../components/status";
import { UseMyLocation } from "../components/use-my-location";
import { WardSearchResults } from "../components/ward-search-results";
import { useTranslatedPage } from "../lib/translated-page";
import { useTRPC } from "../lib/trpc";
import { useLoadedData } from "../lib/use-loaded-data";
import { useTitle } from "../lib/use-viewer";

type SearchForm = z.input<typeof WardSearch>;

/**
 * Public: find your ward by postcode (full, sector or district), ward or borough name, or the
 * browser's location. The search lives in the URL (`?q=`, `?borough=`) so results can be shared;
 * a postcode in use goes straight to its ward's page.
 */
export function FindWardPage() {
  const { t } = useTranslation();
  useTranslatedPage();
  useTitle(t("findWard.title"));
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = params.get("q") ?? "";
  const boroughCode = params.get("borough") ?? "";
  const searched = params.has("q") || params.has("borough");

  const results = useQuery({
    ...trpc.wards.search.queryOptions({ query, ...(boroughCode ? { boroughCode } : {}) }),
    enabled: searched,
  });
  const found = results.data;
  const onlyWard =
    found?.kind === "postcode" && !found.terminatedOn && found.wards.length === 1 ? found.wards[0] : null;

  // A postcode in use names one ward: go straight to it, leaving no search page to come Back to.
  useEffect(() => {
    if (onlyWard) void navigate(`/wards/${onlyWard.code}`, { replace: true }); // navigation reports nothing to await
  }, [onlyWard, navigate]);

  // After a search someone ran (not a link they opened), take focus to what it found.
  const heading = useRef<HTMLHeadingElement>(null);
  const [searches, setSearches] = useState(0);
  const focused = useRef(0);
  useEffect(() => {
    if (searches > focused.current && found && !onlyWard) {
      focused.current = searches;
      heading.current?.focus();
    }
  }, [searches, found, onlyWard]);

  const form = useForm<SearchForm>({
    resolver: zodResolver(WardSearch),
    values: { query, boroughCode: boroughCode || undefined },
  });

  const onSubmit = form.handleSubmit((values) => {
    if (!values.query && !values.boroughCode) {
      form.setError("query", { message: t("findWard.queryMissing") }, { shouldFocus: true });
      return;
    }
    const next = new URLSearchParams();
    next.set("q", values.query ?? "");
    if (values.boroughCode) next.set("borough", values.boroughCode);
    setParams(next);
    setSearches((n) => n + 1);
  });

  // Examples from the site's own postcodes and wards (issue 13): none until something is loaded.
  const examples = useLoadedData()?.examples;
  const searchHint = !examples
    ? undefined
    : examples.postcode && examples.outward
      ? t("findWard.queryHint", { ...examples, postcode: examples.postcode, outward: examples.outward })
      : t("findWard.queryHintNoPostcodes", examples);

  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{t("findWard.title")}</h1>
      <p className="mb-6 max-w-prose">{t("findWard.intro")}</p>
      <form onSubmit={onSubmit} noValidate className="mb-4 max-w-xl" role="search" aria-label={t("findWard.title")}>
        <Field label={t("findWard.queryLabel")} hint={searchHint} error={form.formState.errors.query}>
          {(a11y) => (
            <input
              {...a11y}
              {...form.register("query")}
              type="search"
              className={inputClass}
              autoComplete="postal-code"
              spellCheck={false}
            />
          )}
        </Field>
        <Field label={t("findWard.boroughLabel")} error={form.formState.errors.boroughCode}>
          {(a11y) => (
            <select
              {...a11y}
              {...form.register("boroughCode", { setValueAs: (v: string) => v || undefined })}
              className={inputClass}
            >
              <BoroughOptions emptyLabel={t("findWard.allBoroughs")} />
            </select>
          )}
        </Field>
        <button type="submit" className={buttonClass}>
          {t("findWard.search")}
        </button>
      </form>

      <UseMyLocation />

      {searched && (
        <section
          {...(found && !onlyWard ? { "aria-labelledby": "results-heading" } : { "aria-label": t("findWard.results") })}
        >
          {results.isLoading && <Loading what={t("findWard.searching")} />}
          {results.error && <LoadError error={results.error} />}
          {onlyWard && <Loading what={t("findWard.goingTo", { ward: onlyWard.name })} />}
          {found && !onlyWard && (
            <WardSearchResults found={found} query={query} inBorough={boroughCode !== ""} headingRef={heading} />
          )}
        </section>
      )}
    </>
  );
}
