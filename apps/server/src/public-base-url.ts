import type { FastifyInstance } from "fastify";

/**
 * The site's address for links in e-mails: PUBLIC_BASE_URL when set (env.ts requires it unless
 * the demo runs), otherwise, for the demo, the server's own address once it listens
 * (http://localhost:PORT). Never the request's Host header, which any client can forge.
 */
export function publicBaseUrlFor(app: FastifyInstance, configured: string | undefined): () => string {
  return () => {
    if (configured) return configured;
    const address = app.addresses()[0];
    return `http://localhost:${address && typeof address === "object" ? address.port : 3000}`;
  };
}
