// What a script of the host page can do to LeadLens (issue 12.2): nothing. Gmail's own scripts run in
// the page's main world, as page.evaluate does here. They cannot read the chips' closed shadow roots
// or any lead data from the hosts, cannot open a card or give feedback with dispatched events (the
// browser marks those untrusted, and LeadLens ignores them), cannot reach into the card's frame (the
// extension's origin), and cannot frame the card page themselves. The control: the same script reads
// and clicks what the page owns, an open shadow root of its own. A compromised renderer goes further:
// it can run code in LeadLens's content script's own world and send whatever that script could; the
// background answers it the chips and the words, and refuses it the card's requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CDPSession } from 'playwright-core';
import { PAGE_FIXTURES } from '../fixtures/pages';
import { launchWithExtension, outboxSize, type LoadedExtension } from './extension';
import { HostPage, isCardFrame } from './pages/host-page';
import { PopupPage } from './pages/popup-page';
import { demoInbox as demoInboxOf } from './demo-inbox';

const thread = PAGE_FIXTURES.find((fixture) => fixture.file.startsWith('gmail/thread'))!;
const NOAH = 'noah.wright@orbitlabs.example.com';

let extension: LoadedExtension;
beforeAll(async () => {
  extension = await launchWithExtension();
  await PopupPage.waitForFirstSync(extension);
  // The page's first script, before LeadLens's: it hooks attachShadow to keep every root it can.
  await extension.context.addInitScript(() => {
    const kept: ShadowRoot[] = [];
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, { ...init, mode: 'open' });
      kept.push(root);
      return root;
    };
    (window as unknown as { keptRoots: ShadowRoot[] }).keptRoots = kept;
  });
});
afterAll(async () => {
  await extension?.close();
});

const demoInbox = () => demoInboxOf(extension);

/** Everything a page script can get at of LeadLens's hosts and the page's storage, as one string. */
function readAsThePage(page: HostPage['page']) {
  return page.evaluate(() => {
    const hosts = [...document.querySelectorAll('leadlens-overlay, leadlens-record')];
    const kept = (window as unknown as { keptRoots: ShadowRoot[] }).keptRoots;
    const reachable = hosts.map((host) => host.shadowRoot?.innerHTML ?? null);
    const hooked = kept.filter((root) => hosts.includes(root.host)).map((root) => root.innerHTML);
    const frames = [...Array(window.length).keys()].map((index) => {
      try {
        return String(window.frames[index]!.document.body.innerHTML);
      } catch (error) {
        return `blocked: ${(error as Error).name}`;
      }
    });
    const attributes = hosts.flatMap((host) => host.getAttributeNames().map((name) => `${name}=${host.getAttribute(name)}`));
    const text = hosts.map((host) => host.innerHTML + host.textContent).join('');
    const storage = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + document.cookie;
    return { hosts: hosts.length, reachable, hooked, frames, attributes, text, storage };
  });
}

describe('a script of the Gmail page', () => {
  it('reads and clicks what the page owns: the control', async () => {
    const gmail = await HostPage.open(extension, thread);
    const own = await gmail.page.evaluate(() => {
      const host = document.createElement('page-widget');
      document.body.append(host);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<button>Star</button>';
      let clicks = 0;
      root.querySelector('button')!.addEventListener('click', () => clicks++);
      host.shadowRoot!.querySelector('button')!.click();
      host.shadowRoot!.querySelector('button')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      return { read: host.shadowRoot!.innerHTML, clicks, sender: document.querySelector(`span[email]`)?.getAttribute('email') };
    });
    expect(own).toEqual({ read: '<button>Star</button>', clicks: 1, sender: expect.stringContaining('@') });
    await gmail.page.close();
  });

  it('reads no lead data, opens no card and gives no feedback, even once the rep opened the card', async () => {
    const gmail = await HostPage.open(extension, thread);
    await gmail.page.setViewportSize({ width: 1366, height: 768 });
    await expect.poll(() => gmail.chips().count(), { timeout: 15_000 }).toBe(thread.expected.length);
    const chipName = (await gmail.chip(/^LeadLens: Noah Wright, [A-D]/).accessibleName())!;
    const [, grade, score] = /([A-D][1-4]) · (\d+)$/.exec(chipName)!;
    const inboxBefore = (await demoInbox()).length;
    const leaked = (read: string) => [chipName, `${grade} · ${score}`, 'IT Manager', 'Marketing touches', 'LeadLens: '].filter((secret) => read.includes(secret));

    // (a) Reading: closed roots, a hook that got nothing, hosts that carry only the theme.
    const first = await readAsThePage(gmail.page);
    expect(first.hosts).toBe(thread.expected.length);
    expect(first.reachable.every((root) => root === null)).toBe(true);
    expect(first.hooked).toEqual([]);
    expect(new Set(first.attributes.map((attribute) => attribute.split('=')[0]))).toEqual(new Set(['data-theme']));
    expect(leaked(JSON.stringify(first))).toEqual([]);

    // (b, c) Clicking and pressing keys: at the hosts, and at whatever the page finds under the chip.
    const box = await gmail.chip(/^LeadLens: Noah Wright, [A-D]/).box();
    const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const poked = await gmail.page.evaluate(({ x, y }) => {
      const under = document.elementFromPoint(x, y)!;
      const targets = [under, ...document.querySelectorAll<HTMLElement>('leadlens-overlay')];
      for (const target of targets) {
        (target as HTMLElement).click();
        target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        for (const key of ['Enter', ' ']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
        (target as HTMLElement).focus();
      }
      return under.tagName.toLowerCase();
    }, at);
    expect(poked).toBe('leadlens-overlay'); // what is under the chip, to the page: the host, retargeted
    await gmail.page.waitForTimeout(500);
    expect(gmail.page.frames().filter(isCardFrame)).toHaveLength(0);

    // The rep opens the card; the page tries its buttons, its frame, and a card frame of its own.
    await gmail.chip(/^LeadLens: Noah Wright, [A-D]/).click();
    const card = gmail.card('LeadLens: Noah Wright');
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
    await card.getByRole('button', { name: 'Good lead' }).scrollIntoViewIfNeeded();
    const good = (await card.getByRole('button', { name: 'Good lead' }).boundingBox())!;
    const second = await gmail.page.evaluate(
      ({ x, y, id }) => {
        const under = document.elementFromPoint(x, y)!;
        under.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y }));
        (under as HTMLElement).click();
        const own = document.createElement('iframe');
        own.src = `chrome-extension://${id}/card.html#email=noah.wright%40orbitlabs.example.com`;
        document.body.append(own);
        return under.tagName.toLowerCase();
      },
      { x: good.x + good.width / 2, y: good.y + good.height / 2, id: extension.extensionId },
    );
    expect(second).toBe('leadlens-overlay');
    await gmail.page.waitForTimeout(1_000);
    const third = await readAsThePage(gmail.page);
    expect(third.frames.length).toBeGreaterThanOrEqual(1);
    for (const frame of third.frames) expect(frame).toMatch(/^blocked: SecurityError$/);
    expect(leaked(JSON.stringify(third))).toEqual([]);

    // Nothing was given: no status in the card, nothing in marketing's inbox; one card, the rep's.
    expect(await card.getByRole('status').last().textContent()).toBe('');
    expect((await demoInbox()).length).toBe(inboxBefore);
    expect(await gmail.cards().count()).toBe(1);
    expect(gmail.page.frames().filter(isCardFrame)).toHaveLength(1);
    await gmail.page.close();
  });
});

interface ExecutionContext {
  id: number;
  auxData?: { type?: string; frameId?: string };
}

/**
 * Runs this expression in LeadLens's content script's world of the page's main frame, as a compromised
 * renderer could: the DevTools protocol reaches every world of the page's process. The world is the one
 * whose chrome.runtime is LeadLens's.
 */
async function inContentScriptWorld(cdp: CDPSession, extensionId: string, expression: string): Promise<unknown> {
  const contexts: ExecutionContext[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ExecutionContext));
  await cdp.send('Runtime.enable');
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const evaluate = async (contextId: number, code: string) =>
    (await cdp.send('Runtime.evaluate', { expression: code, contextId, awaitPromise: true, returnByValue: true })).result.value;
  for (const context of contexts.filter((candidate) => candidate.auxData?.type === 'isolated' && candidate.auxData.frameId === frameTree.frame.id)) {
    if ((await evaluate(context.id, 'globalThis.chrome?.runtime?.id ?? null')) === extensionId) return evaluate(context.id, expression);
  }
  throw new Error(`no world of LeadLens's content script among ${contexts.length} contexts`);
}

describe('a compromised Gmail renderer, speaking as the content script', () => {
  it("gets the chips, is refused the card's requests and the connection, and records nothing", async () => {
    const gmail = await HostPage.open(extension, thread);
    await expect.poll(() => gmail.chips().count(), { timeout: 15_000 }).toBe(thread.expected.length);
    const [outboxBefore, inboxBefore] = [await outboxSize(extension), (await demoInbox()).length];
    const forged = (await inContentScriptWorld(
      await gmail.cdp(),
      extension.extensionId,
      `(async () => {
        const NOAH = ${JSON.stringify(NOAH)};
        const asks = {
          chips: { type: 'chips', emails: [NOAH] },
          context: { type: 'context', emails: [NOAH], withTouches: true },
          account: { type: 'account', email: NOAH },
          feedback: { type: 'feedback', email: NOAH, verdict: 'not_a_fit', note: 'forged' },
          handoffAction: { type: 'handoffAction', handoffId: 'forged', action: 'reject' },
          syncNow: { type: 'syncNow' },
        };
        const replies = {};
        for (const [name, message] of Object.entries(asks)) replies[name] = await chrome.runtime.sendMessage(message);
        return replies;
      })()`,
    )) as Record<string, unknown>;
    // The control: the same world's message reaches the background, which answers the chip.
    expect(forged.chips).toMatchObject({ ok: true, data: { chips: [{ email: NOAH, lead: { name: 'Noah Wright' } }] } });
    for (const type of ['context', 'account', 'feedback', 'handoffAction', 'syncNow']) {
      expect(forged[type]).toEqual({ ok: false, error: `LeadLens: ${type} is not accepted from a web page.` });
    }
    expect(await outboxSize(extension)).toBe(outboxBefore);

    // The card's page, the extension's own, still records the rep's verdict: it reaches marketing.
    await gmail.chip(/^LeadLens: Noah Wright, [A-D]/).click();
    const card = gmail.card('LeadLens: Noah Wright');
    await expect.poll(() => card.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await card.getByText('Orbit Labs').count()).toBeGreaterThan(0);
    await card.getByRole('button', { name: 'Good lead' }).click();
    await expect.poll(async () => (await demoInbox()).length).toBe(inboxBefore + 1);
    expect((await demoInbox()).map((delivery) => delivery.payload.note)).not.toContain('forged');
    await gmail.page.close();
  });
});
