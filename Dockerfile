# One image for both roles: `npm run api` or `npm run worker` (see docker-compose.yml).
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg qbittorrent-nox ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY migrations ./migrations
# The web UI, built into web/dist and served by the API at /.
COPY web ./web
RUN npm run build:web
ENV NODE_ENV=production REELFLOW_DATA_DIR=/data
VOLUME /data
EXPOSE 3000
CMD ["npm", "run", "api"]
