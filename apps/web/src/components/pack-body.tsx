import "./pack-body.css";

/**
 * The pack's sections as the server rendered them from the pack's view model (the same model the
 * PDF and e-mail are drawn from). The HTML is produced by @wardpanel/packs with every piece of data
 * escaped, so it is inserted as is.
 */
export function PackBody({ html }: { html: string }) {
  return <div className="pack-body" dangerouslySetInnerHTML={{ __html: html }} />;
}

/** What the pack routes return: the page's own text, and the body. */
export type PackPageData = {
  title: string;
  ward: { code: string; name: string; boroughName: string };
  month: string;
  monthLabel: string;
  total: number;
  pdfPath: string;
  html: string;
  status: "draft" | "published";
  commentary?: string;
  partnerActions?: string;
  publishedAt?: string | null;
};

/** GET a JSON route; a refusal becomes an Error carrying the status and the server's message. */
export async function fetchJson<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(path, { credentials: "same-origin", ...init });
  const body = (await response.json().catch(() => ({}))) as { error?: string };
  if (!response.ok) throw Object.assign(new Error(body.error ?? `The server answered ${response.status}`), { status: response.status });
  return body as T;
}
