/**
 * What every e2e test checks whatever it did: the page requested nothing but the local server (no
 * request, no websocket) and threw nothing. `watch` before the test, `expectClean` after it.
 */
import { expect, type Page } from '@playwright/test';

export class PageGuard {
  requests: string[] = [];
  pageErrors: string[] = [];

  watch(page: Page): void {
    this.requests = [];
    this.pageErrors = [];
    page.on('request', (request) => this.requests.push(request.url()));
    page.on('websocket', (socket) => this.requests.push(socket.url()));
    page.on('pageerror', (error) => this.pageErrors.push(error.message));
  }

  expectClean(origin: string): void {
    expect(this.requests.filter((url) => !url.startsWith(`${origin}/`))).toEqual([]);
    expect(this.pageErrors).toEqual([]);
  }
}
