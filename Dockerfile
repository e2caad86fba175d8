# One image for the api and the worker; docker-compose.yml chooses the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
# Dependencies first, so editing the source does not re-run npm ci. npm ci's postinstall runs
# `prisma generate`, which reads the schema and prisma.config.ts (and the migration adapter it imports).
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
COPY libs/database/src/migration ./libs/database/src/migration
RUN npm ci --no-audit --no-fund
COPY . .
# Prune dev dependencies; the generated Prisma client (node_modules/.prisma) must survive it.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && test -f node_modules/.prisma/client/default.js

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
# `prisma migrate deploy` at start needs the CLI (a runtime dependency), the schema, the migrations and
# prisma.config.ts with its adapter (loaded as TypeScript by the CLI itself).
COPY --from=build /app/package.json /app/prisma.config.ts ./
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/libs/database/src/migration ./libs/database/src/migration
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The desk board's pages and ES modules, served as written (apps/api/src/board/board-assets.ts).
COPY --from=build /app/apps/api/board ./apps/api/board
USER node
EXPOSE 3000
# The api applies migrations first (start-one.js api), then runs with signals forwarded.
CMD ["node", "dist/scripts/start-one.js", "api"]
