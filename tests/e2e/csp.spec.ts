// The built renderer, served exactly as the desktop app serves it (electron/main/appProtocol.ts:
// known files only, production headers, CSP without 'unsafe-inline'), used through the booth's
// keyboard flows: not one CSP violation. A control proves the listener sees violations.
import { expect, test, type Page } from '@playwright/test';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/rendererHeaders';
import { BoothPage, residentId } from './pages/BoothPage';
import { registerPlainVehicle } from './pages/shellFlows';
import { extraPort, startRendererServer, type RendererServer } from './support/rendererServer';

let server: RendererServer;
test.beforeAll(async () => {
  server = await startRendererServer(extraPort(3));
});
test.afterAll(async () => {
  await server?.close();
});

/** Every securitypolicyviolation the page (or a worker's console) reports. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const consoleLines: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) consoleLines.push(m.text());
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)), ...consoleLines];
}

test('the booth runs under the production CSP header with no violation', async ({ page }) => {
  const violations = await watchViolations(page);
  const response = await page.goto(`${server.origin}/?db=csp-${Date.now()}`);
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');

  // The markup itself carries no inline script or style for the policy to forbid.
  const html = await (await page.request.get(`${server.origin}/index.html`)).text();
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  expect(html).not.toMatch(/\sstyle=|<style/i);
  expect(html).not.toMatch(/http-equiv="Content-Security-Policy"/i);

  const booth = new BoothPage(page);
  await booth.openShiftByKeyboard({ checkpoint: '南江南高速出口卡点', lead: '岳阳', staff: '王医生' });
  await registerPlainVehicle(booth, { typed: 'a12345', shown: '川A12345', driver: { name: '张三', id: residentId('510722', '19850312', '123'), phone: '13800138000', temp: '36.5' } });
  await expect(booth.todayRow('川A12345')).toBeVisible();

  // Record dialog, help, search: dialogs, focus handling and React style props (set via CSSOM).
  await booth.todayRow('川A12345').focus();
  await booth.press('Enter');
  await expect(page.getByRole('dialog', { name: /川A12345/ })).toBeVisible();
  await booth.press('Escape');
  await booth.press('F1');
  await expect(page.getByRole('dialog')).toBeVisible();
  await booth.press('Escape');
  await booth.press('Control+f');
  await booth.type('张三');
  await expect(page.getByText('川A12345').first()).toBeVisible();
  await page.reload();
  await expect(booth.todayRow('川A12345')).toBeVisible();

  expect(await violations()).toEqual([]);
  // Every file the app asked for was one it ships (the browser's own favicon probe aside).
  expect(server.refused.filter((r) => !r.endsWith(' /favicon.ico'))).toEqual([]);

  // Control: an inline style attribute IS refused by this policy, and the watcher sees it.
  await page.evaluate(() => document.body.setAttribute('style', 'outline: 1px solid red'));
  await expect.poll(async () => (await violations()).filter((v) => /style-src/.test(v)).length).toBeGreaterThanOrEqual(1);
});

test('the server in front of the renderer refuses traversal and unknown files', async ({ request }) => {
  for (const p of ['/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/assets/%2e%2e/%2e%2e/package.json']) {
    const res = await request.get(`${server.origin}${p}`);
    expect([403, 404], p).toContain(res.status());
  }
  expect((await request.get(`${server.origin}/package.json`)).status()).toBe(404);
  const js = (await request.get(`${server.origin}/index.html`)).headers();
  expect(js['x-content-type-options']).toBe('nosniff');
});
