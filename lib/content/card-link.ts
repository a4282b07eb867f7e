// The chip's side of the card frame (entrypoints/card): the frame's address and the channel it talks
// over. The address names the lead and a one-time key; the page cannot read it (the frame is inside a
// closed shadow root, and another origin). The key tells the card the channel that comes with it from
// the one a page script could post it, since the content script's messages carry the page's origin.
import { browser } from 'wxt/browser';

/** What the card tells the chip. */
export type CardNotice = { type: 'close' } | { type: 'resize'; height: number } | { type: 'changed' };

export const CARD_CHANNEL = 'leadlens-card';

export interface CardLink {
  url: string;
  /** Hands the card its end of the channel once the frame has loaded; `heard` gets what it says. */
  connect(frame: HTMLIFrameElement, heard: (notice: CardNotice) => void): () => void;
}

export function cardLink(email: string, theme: string): CardLink {
  const key = crypto.randomUUID();
  const url = `${browser.runtime.getURL('/card.html')}#${new URLSearchParams({ email, theme, key })}`;
  return {
    url,
    connect(frame, heard) {
      const channel = new MessageChannel();
      channel.port1.onmessage = (event: MessageEvent<CardNotice>) => heard(event.data);
      frame.contentWindow?.postMessage({ type: CARD_CHANNEL, key }, cardOrigin(url), [channel.port2]);
      return () => channel.port1.close();
    },
  };
}

/**
 * Where the card page runs: the frame's own origin, so that nothing else (a page the host navigated the
 * frame to) gets the channel. Chromium loads a dynamic URL (use_dynamic_url) at the extension's real
 * origin, its id; Firefox's moz-extension address is its origin already.
 */
function cardOrigin(url: string): string {
  const { protocol, origin } = new URL(url);
  return protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : origin;
}

/** The card's side: what it tells the chip, kept until the chip's channel has come. */
export interface ChipLink {
  tell(notice: CardNotice): void;
}

/** In the card page: takes the first channel that comes from the frame's parent with the key of its own address. */
export function listenForChip(key: string, scope: Window = window): ChipLink {
  let port: MessagePort | null = null;
  const waiting: CardNotice[] = [];
  scope.addEventListener('message', (event: MessageEvent<{ type?: unknown; key?: unknown } | null>) => {
    if (port || !key || event.source !== scope.parent || event.data?.type !== CARD_CHANNEL || event.data.key !== key || !event.ports[0]) return;
    port = event.ports[0];
    waiting.splice(0).forEach((notice) => port!.postMessage(notice));
  });
  return {
    tell(notice) {
      if (port) port.postMessage(notice);
      else waiting.push(notice);
    },
  };
}
