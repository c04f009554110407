import { existsSync } from 'node:fs';
import { chromium, type Browser, type LaunchOptions } from 'playwright-core';

/** CHROMIUM_PATH, then Debian's Chromium, then a system Chrome (BROWSER.md). */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found: set CHROMIUM_PATH or install chromium');
  return found;
}

/** Flags that keep Chromium quiet on a closed network; WebGPU is opt-in per launch. */
export async function launchBrowser(options: { webgpu?: boolean } & LaunchOptions = {}): Promise<Browser> {
  const { webgpu = true, ...rest } = options;
  const args = [
    '--no-sandbox',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
  if (webgpu) args.push('--enable-unsafe-webgpu');
  return chromium.launch({ executablePath: chromiumPath(), args, ...rest });
}
