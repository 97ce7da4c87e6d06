import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The API server serves GraphQL at /graphql on 127.0.0.1:4000 (and, in production, this build from web/dist), so
// the browser only ever talks to one origin and the session cookie stays same-origin in development too.
const api = { target: "http://127.0.0.1:4000", changeOrigin: true };

export default defineConfig({
  plugins: [react()],
  build: { outDir: "dist" },
  server: { proxy: { "/graphql": api } },
  preview: { proxy: { "/graphql": api } },
});
