import "./pack-body.css";

/**
 * The pack's sections as the server rendered them from the pack's view model (the same model the
 * PDF and e-mail are drawn from). The HTML is produced by @wardpanel/packs with every piece of data
 * escaped, so it is inserted as is.
 */
export function PackBody({ html }: { html: string }) {
  return <div className="pack-body" dangerouslySetInnerHTML={{ __html: html }} />;
}
