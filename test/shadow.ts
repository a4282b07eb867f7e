// LeadLens's shadow roots are closed: element.shadowRoot is null to the page, and to tests. The unit
// tests keep each root as it is attached (happy-dom only), to look inside as a user would see.
const roots = new WeakMap<Element, ShadowRoot>();

export function keepShadowRoots(): void {
  if (typeof Element === 'undefined' || (Element.prototype.attachShadow as { kept?: boolean }).kept) return;
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = Object.assign(function (this: Element, init: ShadowRootInit) {
    const root = attach.call(this, init);
    roots.set(this, root);
    return root;
  }, { kept: true });
}

/** The shadow root of a host, open or closed. */
export const shadowOf = (host: Element | null | undefined): ShadowRoot | null => (host ? (roots.get(host) ?? host.shadowRoot) : null);

/**
 * What the rep's own click or key would dispatch: happy-dom marks every event a test makes untrusted,
 * as a browser marks a page script's, and LeadLens ignores those (lib/content/trusted-input.ts).
 */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

export const trustedClick = (element: Element) =>
  element.dispatchEvent(trusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true })));
