// A host page (Gmail, a CRM) served from a saved fixture at its real URL, with LeadLens on it.
//
// LeadLens's UI is closed to the page: its shadow roots are closed (Playwright's selectors do not
// enter them) and it acts only on trusted input. So the tests see it as the rep does: chips by the
// names the browser's accessibility tree gives them (asked over the DevTools protocol, which a page
// cannot do), clicked with the mouse at the box the browser lays them out in; and the card as the
// frame of the extension's card page, which Playwright enters like any frame.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Frame, Locator, Page } from 'playwright-core';
import type { PageFixture } from '../../fixtures/pages';
import { bounded } from '../bounded';
import type { LoadedExtension } from '../extension';

const FIXTURES = join(__dirname, '../../fixtures/pages');

type Name = RegExp | string;

/** As Playwright's getByRole matches a name: a string is a case-insensitive part of it. */
const nameMatches = (name: Name, actual: string) => (typeof name === 'string' ? actual.toLowerCase().includes(name.toLowerCase()) : name.test(actual));

/** A frame of LeadLens's card page (chrome-extension://…/card.html, by its dynamic id). */
export const isCardFrame = (frame: Frame) => /^chrome-extension:\/\/[^/]+\/card\.html/.test(frame.url());

/** A node of the document as the DevTools protocol gives it, shadow roots included. */
interface DomNode {
  nodeName: string;
  attributes?: string[];
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
}

interface AxNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
  backendDOMNodeId?: number;
}

export class HostPage {
  private session: Promise<CDPSession> | null = null;
  private constructor(readonly page: Page) {}

  static async open(extension: LoadedExtension, fixture: PageFixture): Promise<HostPage> {
    const page = await extension.context.newPage();
    const origin = new URL(fixture.url).origin;
    await page.route(`${origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(FIXTURES, fixture.file), 'utf8') }),
    );
    await page.goto(fixture.url);
    return new HostPage(page);
  }

  /** The DevTools protocol on this page: what the browser itself knows, beyond the page's reach. */
  cdp(): Promise<CDPSession> {
    this.session ??= this.page.context().newCDPSession(this.page);
    return this.session;
  }

  /** A DevTools command on this page, failing by name if the browser does not answer. */
  async send(method: string, params?: object): Promise<unknown> {
    const session = await this.cdp();
    return bounded(session.send(method as Parameters<CDPSession['send']>[0], params as never), `DevTools ${method}`);
  }

  /** LeadLens's hosts beside the page's addresses: one per chip, each put in with its first content. */
  chips() {
    return this.page.locator('leadlens-overlay');
  }

  /** The chips (and record tabs) whose accessible name matches, in document order: buttons for leads, images for strangers. */
  chip(name: Name): Chip {
    return new Chip(this, name);
  }

  /** The open card whose region has this name, inside the card page's frame. */
  card(name: Name): CardInFrame {
    return new CardInFrame(this.page, name);
  }

  /** The cards open on the page, each in its own frame. */
  cards() {
    return {
      count: async () => {
        let count = 0;
        for (const frame of this.page.frames().filter(isCardFrame)) count += await frame.getByRole('region', { name: /^LeadLens/ }).count();
        return count;
      },
    };
  }

  /** The accessibility tree's LeadLens controls, as a screen reader would hear them. */
  async accessibleChips(): Promise<{ name: string; backendNodeId: number }[]> {
    const { nodes } = (await this.send('Accessibility.getFullAXTree')) as { nodes: AxNode[] };
    return nodes
      .filter((node) => !node.ignored && ['button', 'img', 'image'].includes(node.role?.value ?? '') && (node.name?.value ?? '').startsWith('LeadLens: ') && node.backendDOMNodeId)
      .map((node) => ({ name: node.name!.value!, backendNodeId: node.backendDOMNodeId! }));
  }

  /** Where the browser laid a node out, in the viewport. */
  async nodeBox(backendNodeId: number): Promise<{ x: number; y: number; width: number; height: number }> {
    const { quads } = (await this.send('DOM.getContentQuads', { backendNodeId })) as { quads: number[][] };
    const quad = quads[0];
    if (!quad) throw new Error('The chip has no box on screen.');
    const xs = [quad[0]!, quad[2]!, quad[4]!, quad[6]!];
    const ys = [quad[1]!, quad[3]!, quad[5]!, quad[7]!];
    return { x: Math.min(...xs), y: Math.min(...ys), width: Math.max(...xs) - Math.min(...xs), height: Math.max(...ys) - Math.min(...ys) };
  }

  /** A trusted click (the browser's own mouse) at the middle of a node's box, scrolled into view first. */
  async clickNode(backendNodeId: number): Promise<void> {
    await this.send('DOM.scrollIntoViewIfNeeded', { backendNodeId });
    const box = await this.nodeBox(backendNodeId);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  }

  /**
   * Clicks a chip, then waits for the card's frame to come with its card drawn (or to go): the card's locators are
   * made in that frame, and a test asks for them right after the click, as it did when the card was in
   * the page.
   */
  async clickToCard(backendNodeId: number): Promise<void> {
    const before = this.page.frames().filter(isCardFrame);
    await this.clickNode(backendNodeId);
    // Bounded, not waitForLoadState: an out-of-process frame's load may be reported before it is watched.
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const now = this.page.frames().filter(isCardFrame);
      const added = now.find((frame) => !before.includes(frame));
      const drawn = added && (await bounded(added.locator('[role="region"]').count(), 'the card frame', 5_000).catch(() => 0)) > 0;
      if (drawn || now.length < before.length) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The first node inside LeadLens's hosts, closed shadow roots included, that `matches`. */
  async overlayNode(matches: (node: DomNode) => boolean): Promise<DomNode | undefined> {
    const { root } = (await this.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const search = (node: DomNode, inside: boolean): DomNode | undefined => {
      const within = inside || node.nodeName === 'LEADLENS-OVERLAY';
      if (within && matches(node)) return node;
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) {
        const found = search(child, within);
        if (found) return found;
      }
      return undefined;
    };
    return search(root, false);
  }

  /**
   * Each LeadLens host's attributes and the markup of its closed shadow root (styles included), read
   * by the browser, so that a test can lay a copy out in an open shadow root where axe can check it.
   */
  async overlayCopies(): Promise<{ attributes: string[]; html: string }[]> {
    const { root } = (await this.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const hosts: DomNode[] = [];
    const visit = (node: DomNode): unknown =>
      node.nodeName === 'LEADLENS-OVERLAY' && node.shadowRoots?.[0] ? hosts.push(node) : [...(node.shadowRoots ?? []), ...(node.children ?? [])].forEach(visit);
    visit(root);
    const copies = [];
    for (const host of hosts) {
      const { object } = (await this.send('DOM.resolveNode', { backendNodeId: host.shadowRoots![0]!.backendNodeId })) as { object: { objectId: string } };
      const read = { objectId: object.objectId, functionDeclaration: 'function () { return this.innerHTML; }', returnByValue: true };
      const { result } = (await this.send('Runtime.callFunctionOn', read)) as { result: { value: string } };
      copies.push({ attributes: host.attributes ?? [], html: result.value });
    }
    return copies;
  }

  /**
   * What LeadLens drew inside its hosts, shadow roots included, as tags and attribute names: read by
   * the browser (DOM.getDocument with pierce), since the page cannot.
   */
  async overlayMarkup(): Promise<string[]> {
    const { root } = (await this.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const found: string[] = [];
    const describe = (node: DomNode): void => {
      const names = (node.attributes ?? []).filter((_, index) => index % 2 === 0);
      found.push([node.nodeName.toLowerCase(), ...names].join(' '));
      [...(node.shadowRoots ?? []), ...(node.children ?? [])].forEach(describe);
    };
    const visit = (node: DomNode): void => {
      if (node.nodeName === 'LEADLENS-OVERLAY' || node.nodeName === 'LEADLENS-RECORD') return describe(node);
      [...(node.shadowRoots ?? []), ...(node.children ?? [])].forEach(visit);
    };
    visit(root);
    return found;
  }
}

/** LeadLens's chips with one accessible name, found anew at each call as a Locator is. */
export class Chip {
  constructor(
    private readonly host: HostPage,
    private readonly name: Name,
    private readonly index?: number,
  ) {}

  private async matching() {
    const all = (await this.host.accessibleChips()).filter((chip) => nameMatches(this.name, chip.name));
    return this.index === undefined ? all : all.slice(this.index, this.index + 1);
  }

  async count(): Promise<number> {
    return (await this.matching()).length;
  }

  first(): Chip {
    return new Chip(this.host, this.name, 0);
  }

  /** Its accessible name, as the chip's label gives it. */
  async accessibleName(): Promise<string | null> {
    return (await this.matching())[0]?.name ?? null;
  }

  /** The first such chip's box in the viewport. */
  async box() {
    const [found] = await this.matching();
    if (!found) throw new Error(`No LeadLens chip named ${String(this.name)}.`);
    return this.host.nodeBox(found.backendNodeId);
  }

  /** Waits for exactly one such chip, then clicks it as the rep would. */
  async click(timeout = 15_000): Promise<void> {
    const until = Date.now() + timeout;
    for (;;) {
      const found = await this.matching();
      if (found.length === 1) return this.host.clickToCard(found[0]!.backendNodeId);
      if (Date.now() > until) throw new Error(`Expected one LeadLens chip named ${String(this.name)}, found ${found.length}.`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The card named so, inside the newest frame of the card page: each call looks again, as a Locator does. */
export class CardInFrame {
  constructor(
    private readonly page: Page,
    private readonly name: Name,
  ) {}

  /** The card's region; a locator that matches nothing while no card frame is on the page. */
  region(): Locator {
    const frame = this.page.frames().filter(isCardFrame).at(-1);
    return frame ? frame.getByRole('region', { name: this.name }) : this.page.locator('leadlens-no-card-frame');
  }

  count = () => this.region().count();
  isVisible = () => this.region().isVisible();
  locator: Locator['locator'] = (...args) => this.region().locator(...args);
  getByText: Locator['getByText'] = (...args) => this.region().getByText(...args);
  getByRole: Locator['getByRole'] = (...args) => this.region().getByRole(...args);
}
