/**
 * The page at /feed/v1/docs: Scalar's API reference (decision 0030) rendering the feed's own
 * /feed/v1/openapi.json. Every URL is relative to the page, so the docs work under any prefix a
 * reverse proxy adds; every script is ours or Scalar's bundle served beside it (the server's CSP
 * allows scripts from 'self' only), so nothing is fetched from another site. The element is not
 * `#api-reference`: Scalar's bundle mounts itself, unconfigured, on an element with that id.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Ward Panel priority feed: API reference</title>
    <meta name="description" content="How a control room's systems read Ward Panel's agreed policing priorities and match calls against them." />
    <link rel="stylesheet" href="docs/docs.css" />
  </head>
  <body>
    <noscript>
      <main>
        <h1>Ward Panel priority feed: API reference</h1>
        <p>This page needs JavaScript to show the reference. The same description is in
        <a href="openapi.json">openapi.json</a> (OpenAPI 3.1), and the client package is
        <a href="package.tgz">package.tgz</a>.</p>
      </main>
    </noscript>
    <div id="feed-reference"></div>
    <script src="docs/api-reference.js"></script>
    <script src="docs/start.js"></script>
  </body>
</html>
`;

/**
 * Starts Scalar on the page. Off: telemetry, the AI agent, the MCP integration and the "open in
 * API client" button (each would reach Scalar's own services), and the default web fonts (loaded
 * from fonts.scalar.com). Light mode only: it is the one checked for contrast (axe, WCAG 2.2 AA).
 */
export const DOCS_START_SCRIPT = `"use strict";
Scalar.createApiReference("#feed-reference", {
  url: new URL("openapi.json", window.location.href).href,
  withDefaultFonts: false,
  telemetry: false,
  agent: { disabled: true },
  mcp: { disabled: true },
  hideClientButton: true,
  showDeveloperTools: "never",
  forceDarkModeState: "light",
  hideDarkModeToggle: true,
  metaData: { title: "Ward Panel priority feed: API reference" },
});
`;

/**
 * System fonts, so Scalar's web fonts (from fonts.scalar.com, declared in its styles whatever
 * `withDefaultFonts` says) are never used, hence never fetched. Darker grey, green and red than
 * Scalar's light theme, whose #8e8e8e, #00935d and #ff0000 on white are 3.2–4.0:1, under WCAG's
 * 4.5:1 for text; these are 5.3:1, 5.8:1 and 6.4:1. `!important` because Scalar's own styles are
 * added after this sheet.
 */
export const DOCS_STYLES = `:root, .light-mode, .light-mode .scalar-app {
  --scalar-font: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif !important;
  --scalar-font-code: ui-monospace, "DejaVu Sans Mono", monospace !important;
  --scalar-color-3: #6b6b6b !important;
  --scalar-color-green: #00754a !important;
  --scalar-color-red: #c20000 !important;
}
`;
