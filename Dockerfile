# One image for both processes: `node --import tsx api/main.ts` or `node --import tsx worker.ts`.
# Debian (glibc), not Alpine: the Temporal core bridge does not run on musl.
FROM node:20.20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=dev --ignore-scripts
COPY . .
RUN node --import tsx scripts/build-workflow-bundle.ts dist
ENV WORKFLOW_BUNDLE_PATH=/app/dist/workflow-bundle.js \
    INTENT_WORKFLOW_BUNDLE_PATH=/app/dist/intent-workflow-bundle.js
USER node
EXPOSE 3000
CMD ["node", "--import", "tsx", "api/main.ts"]
