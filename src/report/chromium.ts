import { accessSync, constants, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { problem, UsageError } from '../errors.js';

/**
 * The system's Chromium, driven by puppeteer-core (which never downloads a browser):
 * to print the report to PDF, and in the tests to look at it.
 */

export const CHROMIUM_PACKAGE = 'chromium';
export const CHROMIUM_FALLBACKS = ['/usr/bin/chromium'];

/** The flags every launch takes: headless, no sandbox (root in CI), nothing that calls home. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** $ALUMNI_CHROMIUM, else `chromium` on PATH, else the fallbacks; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv, fallbacks: readonly string[] = CHROMIUM_FALLBACKS): string | null {
  if (env.ALUMNI_CHROMIUM) {
    if (isExecutable(env.ALUMNI_CHROMIUM)) return env.ALUMNI_CHROMIUM;
    throw new UsageError(problem('report.chromium.not_executable', { path: env.ALUMNI_CHROMIUM, package: CHROMIUM_PACKAGE }));
  }
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'chromium'));
  return [...onPath, ...fallbacks].find(isExecutable) ?? null;
}

/** The Chromium to use, or a usage error (exit 2) naming the package to install. */
export function requireChromium(env: NodeJS.ProcessEnv): string {
  const found = findChromium(env);
  if (found) return found;
  throw new UsageError(problem('report.chromium.missing', { package: CHROMIUM_PACKAGE }));
}

export interface HeadlessChromium {
  browser: Browser;
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** A headless Chromium with a fresh profile of its own (removed by close()). */
export async function launchChromium(executablePath: string): Promise<HeadlessChromium> {
  const { default: puppeteer } = await import('puppeteer-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'alumni-chromium-'));
  try {
    const browser = await puppeteer
      .launch({ executablePath, headless: true, userDataDir, args: CHROMIUM_FLAGS })
      .catch((error: unknown) => {
        throw notStarted(executablePath, error);
      });
    return {
      browser,
      close: async () => {
        try {
          await browser.close();
        } finally {
          rmSync(userDataDir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * A Chromium that does not start is a setting to fix (ALUMNI_CHROMIUM, the package), as
 * a missing one is: exit 2, one sentence. Puppeteer's message runs over several lines
 * (troubleshooting links, the browser's own output): its first line says enough.
 */
function notStarted(executablePath: string, error: unknown): UsageError {
  const reason = (error instanceof Error ? error.message : String(error))
    .split('\n')[0]!
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!]+$/, '');
  return new UsageError(problem('report.chromium.not_started', { path: executablePath, reason, package: CHROMIUM_PACKAGE }), {
    cause: error,
  });
}

/**
 * Prints the report's HTML to an A4 PDF, as the browser's print would (its print CSS,
 * its page margins with their header, footer and page numbers, its backgrounds), and
 * returns it: the caller writes it where it belongs. The page is self-contained: any
 * request it would make is refused.
 */
export async function printPdf(executablePath: string, html: string): Promise<Uint8Array> {
  const chromium = await launchChromium(executablePath);
  try {
    const page = await chromium.browser.newPage();
    await page.setRequestInterception(true);
    page.on('request', (request) => void (request.url().startsWith('data:') ? request.continue() : request.abort()));
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await chromium.close();
  }
}
