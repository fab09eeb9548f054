# One image for both processes: `node --import tsx api/main.ts` or `node --import tsx worker.ts`.
# Debian (glibc), not Alpine: the Temporal core bridge does not run on musl.

# The operator console's browser build (Vite, a dev dependency) in a stage of its own.
FROM node:20.20-bookworm-slim AS console
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN node console/build.mjs --force

FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev --ignore-scripts
COPY . .
COPY --from=console /app/console/dist ./console/dist
RUN node --import tsx scripts/build-workflow-bundle.ts dist
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js \
    INTENT_WORKFLOW_BUNDLE_PATH=/app/dist/intent-workflow-bundle.js
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/main.ts"]
