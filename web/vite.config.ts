import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The API server serves GraphQL at /graphql on 127.0.0.1:4000 (and, in production, this build from web/dist), so
// the browser only ever talks to one origin and the session cookie stays same-origin in development too.
const api = { target: "http://127.0.0.1:4000", changeOrigin: true };

export default defineConfig({
  plugins: [react()],
  // The workspace packages are bundled from their TypeScript sources (their dist is the CommonJS build node runs).
  resolve: {
    alias: [
      {
        find: /^@tsunagu\/(calendar|labels)$/,
        replacement: fileURLToPath(new URL("../packages/", import.meta.url)) + "$1/src/$1.ts",
      },
    ],
  },
  // The manifest (dist/.vite/manifest.json, not served: a dot folder) lets `npm run bench:web` find the initial JS.
  build: { outDir: "dist", manifest: true },
  // The directory's exports and the HSDS API are plain GET routes of the same server.
  server: { proxy: { "/graphql": api, "/export": api, "/hsds": api } },
  preview: { proxy: { "/graphql": api, "/export": api, "/hsds": api } },
});
