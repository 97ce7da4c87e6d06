# syntax=docker/dockerfile:1
# Production image for tsunagu. In production the app talks to external PostgreSQL and Meilisearch
# (DATABASE_URL, MEILI_URL + MEILI_MASTER_KEY; see docker-compose.yml) and starts no embedded services.
# Note: the server's dependencies include linux-x64-only binaries (embedded PostgreSQL, Meilisearch) used for
# dev/tests; build for linux/amd64.

# ---- build: full install, compile the workspace packages, the server (tsc) and web (vite), then drop dev deps -----
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CI=true

# Manifests first so the dependency layer is cached across source-only changes.
COPY package.json package-lock.json ./
COPY packages/calendar/package.json packages/calendar/
COPY packages/labels/package.json packages/labels/
COPY server/package.json server/
COPY web/package.json web/
# Install scripts are skipped, as npm 11 does by default for this project (STACK.md P1): nothing needs them.
RUN npm ci --ignore-scripts --no-audit --no-fund

COPY . .
RUN npm run build

# Pruning here (not in the runtime stage) keeps the dev dependencies out of every layer of the final image.
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund \
 && npm cache clean --force

# ---- runtime ---------------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    TSUNAGU_DATA_DIR=/app/.data
WORKDIR /app

# Code and node_modules stay owned by root (read-only for the app); only the data folder is writable.
COPY --from=build /app /app
RUN mkdir -p /app/.data && chown node:node /app/.data

USER node
EXPOSE 4000
CMD ["node", "server/dist/main.js"]
