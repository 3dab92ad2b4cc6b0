/**
 * Renderer benchmarks (issue 5): the size of the built renderer (dist/renderer, every file gzipped)
 * beside React + ReactDOM's own production builds gzipped in the same run, and the first contentful
 * paint of the app in Debian Chromium (the built renderer served through the app:// handler, with
 * window.custos bound to the real router) beside the first paint of a one-line page in the same
 * browser. Targets from the issue: gzip ≤ 350 KB, first paint ≤ 300 ms (absolute, shown beside the
 * figure). Needs `npm run build` first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { bindCustosApi, startTestApp } from '../e2e/custos-binding.ts';
import { RENDERER_DIR, assertRendererBuilt, startRendererServer } from '../e2e/renderer-server.ts';
import { REPO } from '../support/engine-rig.ts';
import type { Row } from './measure.ts';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUNS = 7;

function gzipKb(files: string[]): number {
  return files.reduce((sum, f) => sum + gzipSync(fs.readFileSync(f), { level: 9 }).byteLength, 0) / 1024;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

async function firstPaint(page: Page, url: string): Promise<number> {
  await page.goto(url);
  return page.evaluate(`new Promise((resolve) => new PerformanceObserver((list) => {
    const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
    if (entry) resolve(entry.startTime);
  }).observe({ type: 'paint', buffered: true }))`) as Promise<number>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function benchRenderer(): Promise<Row[]> {
  assertRendererBuilt();
  const ours = gzipKb(filesUnder(RENDERER_DIR));
  const react = gzipKb([
    path.join(REPO, 'node_modules/react/cjs/react.production.js'),
    path.join(REPO, 'node_modules/react-dom/cjs/react-dom-client.production.js'),
  ]);

  const server = await startRendererServer();
  const app = await startTestApp();
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const appPaints: number[] = [];
  const blankPaints: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await bindCustosApi(page, app.api);
      appPaints.push(await firstPaint(page, `${server.origin}/`));
      blankPaints.push(await firstPaint(page, 'data:text/html,<h1>Custos</h1>'));
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
    await server.close();
  }
  return [
    { figure: 'renderer bundle, gzip (target ≤ 350 KB)', value: ours, unit: 'KB', baseline: 'React + ReactDOM alone', baselineValue: react },
    { figure: 'first contentful paint (target ≤ 300 ms)', value: median(appPaints), unit: 'ms', baseline: 'one-line page', baselineValue: median(blankPaints) },
  ];
}
