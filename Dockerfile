# One image for the API and the worker; docker-compose.yml chooses the command.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
# As scripts/node-flags.json: a bounded old generation keeps each process near 160 MB under load.
ENV NODE_OPTIONS=--max-old-space-size=128
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The published OOAPI document the connector validates every message against, found from dist at run time.
COPY --from=build /app/libs/ooapi/spec ./libs/ooapi/spec
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
