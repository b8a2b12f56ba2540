import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig, type ProxyOptions } from "vite";

/** The server `pnpm dev` runs beside Vite (apps/server), on the PORT it reads too. */
const SERVER = `http://localhost:${process.env.PORT ?? "3000"}`;

/**
 * Every path the server answers that is not a page of this app, so that under `pnpm dev` a link
 * to a PDF gets the PDF, not this app's HTML: tRPC; plain routes for bytes (pack PDFs, calendars,
 * CSV, papers, uploads, vote records) and for outsiders (the feed, the police.uk-shaped API,
 * one-click unsubscribe, all under /api or /feed); and the health checks. A key starting with ^
 * is a regular expression, tested against the path and query. apps/e2e/tests/dev-proxy.test.ts
 * checks every route the server registers is here.
 */
const SERVER_PATHS = [
  "/trpc/",
  "/api/",
  "/feed/",
  "/healthz",
  "/readyz",
  "^/wards/[^/]+/meetings\\.ics(\\?|$)",
  "^/wards/[^/]+/meetings/\\d+\\.ics(\\?|$)",
  "^/wards/[^/]+/packs/\\d{4}-\\d{2}\\.pdf(\\?|$)",
  "^/votes/[^/]+/record\\.json(\\?|$)",
  "^/votes/[^/]+/ballots\\.blt(\\?|$)",
  // An old feed link to a vote result (/votes/{id}): the server redirects it to the ward's result page.
  "^/votes/\\d+(\\?|$)",
];

// The Host header is kept, so the server's same-site check sees the page's own origin.
const toServer: ProxyOptions = { target: SERVER, changeOrigin: false };

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy: Object.fromEntries(SERVER_PATHS.map((path) => [path, { ...toServer }])) },
});
