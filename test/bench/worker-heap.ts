// The extension service worker over the DevTools protocol, which Playwright does not reach: a second
// CDP connection (Chromium started with --remote-debugging-port=0 writes its port into the profile),
// attached to the worker's target. For its heap (Runtime.getHeapUsage) and its CPU profile.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession } from 'playwright-core';

export const DEBUGGING_PORT_ARG = '--remote-debugging-port=0';

export interface WorkerSession {
  send<T = unknown>(method: string, params?: object): Promise<T>;
  close(): Promise<void>;
}

export async function workerSession(userDataDir: string, extensionId: string): Promise<WorkerSession> {
  const [port] = readFileSync(join(userDataDir, 'DevToolsActivePort'), 'utf8').split('\n');
  const browser: Browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const session: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const worker = targetInfos.find((target) => target.type === 'service_worker' && target.url.includes(extensionId));
  if (!worker) throw new Error('No service worker target for the extension.');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  let nextId = 1;
  const waiting = new Map<number, { resolve(result: unknown): void; reject(error: Error): void }>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id === undefined) return;
    const caller = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error) caller?.reject(new Error(message.error.message));
    else caller?.resolve(message.result);
  });
  return {
    send<T>(method: string, params: object = {}) {
      const id = nextId++;
      const answer = new Promise<T>((resolve, reject) => waiting.set(id, { resolve: resolve as (result: unknown) => void, reject }));
      void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      return answer;
    },
    async close() {
      await browser.close();
    },
  };
}

export interface HeapSampler {
  /** Reads the worker's used heap now, in bytes. */
  sample(): Promise<number>;
  close(): Promise<void>;
}

export async function workerHeap(userDataDir: string, extensionId: string): Promise<HeapSampler> {
  const worker = await workerSession(userDataDir, extensionId);
  return {
    sample: async () => (await worker.send<{ usedSize: number }>('Runtime.getHeapUsage')).usedSize,
    close: () => worker.close(),
  };
}
