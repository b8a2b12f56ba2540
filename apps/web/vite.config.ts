import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const api = { target: "http://localhost:3000", changeOrigin: false };

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: { proxy: { "/trpc": api, "/healthz": api, "/readyz": api } },
});
