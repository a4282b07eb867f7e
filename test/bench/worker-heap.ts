// The extension service worker's JavaScript heap, which Playwright does not reach: read over a
// second CDP connection (Chromium started with --remote-debugging-port=0 writes its port into the
// profile), attached to the worker's target, with Runtime.getHeapUsage.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';

export interface HeapSampler {
  /** Reads the worker's used heap now, in bytes. */
  sample(): Promise<number>;
  close(): Promise<void>;
}

export const DEBUGGING_PORT_ARG = '--remote-debugging-port=0';

export async function workerHeap(userDataDir: string, extensionId: string): Promise<HeapSampler> {
  const [port] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const session: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.includes(extensionId));
  if (!worker) throw new Error('No service worker target for the extension.');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, (usedSize: number) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result?.usedSize ?? Number.NaN);
  });
  return {
    sample() {
      const id = nextId++;
      const answer = new Promise<number>((resolve) => waiting.set(id, resolve));
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }) });
      return answer;
    },
    async close() {
      await browser.close();
    },
  };
}
