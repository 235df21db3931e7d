/**
 * Puppeteer (pulled in by whatsapp-web.js) must not download its own Chrome at `npm install`: installs here are
 * offline and the platform uses Debian's Chromium (/usr/bin/chromium, installed by `npm test` / scripts/test.sh).
 * This file makes plain `npm install` work without setting PUPPETEER_SKIP_DOWNLOAD.
 */
module.exports = { skipDownload: true };
