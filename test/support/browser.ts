import fs from 'node:fs';
import { Browser, chromium, ConsoleMessage, Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); playwright-core never downloads a browser of its own. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = fs.existsSync(CHROMIUM);

/**
 * `describe` when Chromium is there or under CI (where a missing browser must fail, not skip);
 * otherwise `describe.skip`, with a message saying what to install.
 */
export function describeInBrowser(name: string, body: () => void): void {
  if (chromiumAvailable || process.env.CI) {
    describe(name, body);
    return;
  }
  process.stderr.write(
    `\n*** SKIPPING BROWSER TESTS "${name}": no Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium ***\n\n`,
  );
  describe.skip(name, body);
}

// Without the networking flags Chromium keeps reaching for Google's hosts, which this network refuses.
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium with a fresh, temporary profile (playwright's own user-data-dir for each launch). */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable) throw new Error(`No Chromium at ${CHROMIUM}: install it with apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
}

/** Everything the page logged as an error or threw, for asserting a clean console at the end. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}
