/** Where Chromium is: CHROME_PATH or CHROMIUM_PATH, else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROME_PATH || process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Flags that work in containers without a GPU or network services (without them Chromium keeps
 * trying to reach Google's hosts). Playwright adds its own headless switch; other launchers need
 * CHROMIUM_FLAGS, which adds it.
 */
export const CHROMIUM_LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_FLAGS = ['--headless', ...CHROMIUM_LAUNCH_ARGS];
