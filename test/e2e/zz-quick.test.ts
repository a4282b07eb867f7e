import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension } from './extension';
import { findChromium } from './chromium';
import { PopupPage } from './pages/popup-page';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { seedInWorker } from '../bench/seed';
import { DEFAULT_SETTINGS } from '../../lib/default-settings';
const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };
async function mainThreadMs(context: BrowserContext): Promise<number> {
  const page = await context.newPage();
  await page.route('https://mail.google.com/**', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(__dirname, '../fixtures/pages', PAGE_FIXTURES[0]!.file), 'utf8') }));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(PAGE_FIXTURES[0]!.url, { waitUntil: 'load' });
  await page.waitForTimeout(1500);
  const { metrics } = await cdp.send('Performance.getMetrics');
  await page.close();
  const get = (n: string) => metrics.find((m) => m.name === n)!.value;
  console.log('M', ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'].map((n) => (get(n) * 1000).toFixed(1)).join(' '), 'layouts', get('LayoutCount'), 'styles', get('RecalcStyleCount'));
  return get('TaskDuration') * 1000;
}
it('quick', async () => {
  const ext = await launchWithExtension(EXTENSION_DIR);
  const p0 = await PopupPage.open(ext); await p0.items().first().waitFor({ timeout: 60000 }); await p0.page.close();
  const withLL: number[] = []; for (let i = 0; i < 9; i++) withLL.push(await mainThreadMs(ext.context));
  await ext.serviceWorker.evaluate(seedInWorker, { leads: 20000, handoffs: 1000, repEmail: DEFAULT_SETTINGS.repEmail, now: Date.now() });
  const first: number[] = [];
  for (let run = 0; run < 7; run++) {
    const popup = await ext.context.newPage();
    await popup.addInitScript(() => { const m = window as any; const poll = (t: number) => { if (document.querySelector('.queue li') && document.querySelector('.queue-count')) m.first = t; else requestAnimationFrame(poll); }; requestAnimationFrame(poll); });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.waitForFunction(() => (window as any).first !== undefined, null, { timeout: 60000 });
    first.push(await popup.evaluate(() => (window as any).first as number));
    await popup.close();
  }
  await ext.close();
  const dir = mkdtempSync(join(tmpdir(), 'zz-'));
  const plain = await chromium.launchPersistentContext(dir, { executablePath: findChromium(), headless: true, args: ['--disable-gpu', '--no-first-run'] });
  const without: number[] = []; for (let i = 0; i < 9; i++) without.push(await mainThreadMs(plain));
  await plain.close(); rmSync(dir, { recursive: true, force: true });
  console.log('QUICK with', median(withLL).toFixed(1), 'without', median(without).toFixed(1), 'added%', ((median(withLL) / median(without) - 1) * 100).toFixed(0), 'popup first', first.map(Math.round).join(','), 'median', Math.round(median(first)));
}, 600000);
