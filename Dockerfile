# One image for every app of the suite; the command picks the app (see docker-compose.yml).
FROM node:20-bookworm-slim
WORKDIR /srv/tianping
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit || npm ci --no-fund --no-audit
COPY . .
ENV HOST=0.0.0.0 SWC_NODE_PROJECT=/srv/tianping/tsconfig.json
CMD ["node", "-r", "@swc-node/register", "apps/intake/src/main.ts"]
