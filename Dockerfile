# syntax=docker/dockerfile:1
# Build stage: compile TypeScript and the native SQLite binding, then drop dev dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src src
COPY bench bench
RUN npm run build && npm prune --omit=dev

# Run stage: only what the bot needs, as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
COPY package.json ./
COPY bin bin
COPY config config
COPY briefings briefings
# The chart's Latin font subsets (src/render/chart/fonts.ts); without them charts are slower, not different.
COPY assets assets
RUN mkdir -p data && chown node:node data
USER node
VOLUME ["/app/data"]
# Slack HTTP mode and Discord HTTP interactions mode listen here when enabled, on slack.host and
# discord.host (default 0.0.0.0, which a published port needs).
EXPOSE 3000 3001
ENTRYPOINT ["node", "bin/briefbot.js"]
CMD ["start"]
