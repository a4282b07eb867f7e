import { it } from 'vitest';
import { EXTENSION_DIR, launchWithExtension } from './extension';
import { PopupPage } from './pages/popup-page';
import { seedInWorker } from '../bench/seed';
import { DEFAULT_SETTINGS } from '../../lib/default-settings';
it('prof', async () => {
  const ext = await launchWithExtension(EXTENSION_DIR);
  const p0 = await PopupPage.open(ext); await p0.items().first().waitFor({ timeout: 60000 }); await p0.page.close();
  await ext.serviceWorker.evaluate(seedInWorker, { leads: 5000, handoffs: 1000, repEmail: DEFAULT_SETTINGS.repEmail, now: Date.now() });
  for (let run = 0; run < 3; run++) {
    const popup = await ext.context.newPage();
    const cdp = await ext.context.newCDPSession(popup);
    await popup.addInitScript(() => {
      const poll = () => {
        const n = document.querySelectorAll('.queue li').length;
        if (n > 0 && !(window as any).first) (window as any).first = performance.now();
        if (n >= 1000) (window as any).rendered = performance.now(); else requestAnimationFrame(poll);
      };
      requestAnimationFrame(poll);
    });
    await cdp.send('Profiler.enable'); await cdp.send('Profiler.start');
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.waitForFunction(() => (window as any).rendered !== undefined, null, { timeout: 60000 });
    const { profile } = await cdp.send('Profiler.stop');
    const t = await popup.evaluate(() => ({ first: (window as any).first, all: (window as any).rendered, res: performance.getEntriesByType('resource').map((r: any) => [r.name.split('/').pop(), Math.round(r.responseEnd), Math.round(r.duration)]), dom: Math.round((performance.getEntriesByType('navigation')[0] as any).domContentLoadedEventEnd) }));
    // self time by function+url
    const self = new Map<string, number>();
    const dt = profile.timeDeltas!; const samples = profile.samples!;
    const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
    for (let i = 0; i < samples.length; i++) { const n: any = byId.get(samples[i]); const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000); }
    console.log(JSON.stringify(t));
    if (run === 2) console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)} ${k}`).join('\n'));
    await popup.close();
  }
  await ext.close();
}, 300000);
