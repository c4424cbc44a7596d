# syntax=docker/dockerfile:1
# Minute Desk image: one image, two roles (web: `next start` standalone server; engine: `npm run engine`,
# scripts/engine.ts). Multi-stage so the runtime image carries no compilers and downloads nothing at run time:
# every package, the Prisma client and the worker bundles are fixed at build time.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
RUN npm ci --no-audit --no-fund

FROM deps AS build
WORKDIR /app
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 NEXT_OUTPUT=standalone
RUN npx prisma generate && npm run build

FROM node:20-bookworm-slim AS web
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 NEXT_MANUAL_SIG_HANDLE=1 PORT=3000 HOSTNAME=0.0.0.0
RUN useradd --system --uid 1001 desk
COPY --from=build --chown=desk /app/.next/standalone ./
COPY --from=build --chown=desk /app/.next/static ./.next/static
COPY --from=build --chown=desk /app/public ./public
COPY --from=build --chown=desk /app/.workers ./.workers
COPY --from=build --chown=desk /app/prisma ./prisma
USER desk
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s CMD node -e "fetch('http://127.0.0.1:3000/api/v1/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "server.js"]

# The engine runs from the full build (tsx and the server sources), not from the standalone bundle.
FROM node:20-bookworm-slim AS engine
WORKDIR /app
ENV NODE_ENV=production
RUN useradd --system --uid 1001 desk
COPY --from=build --chown=desk /app ./
USER desk
CMD ["npm", "run", "engine"]
