// LeadLens's UI on a host page acts only on the rep's own input. A page script can dispatch events
// (element.click(), new MouseEvent) at anything it reaches; the browser marks those untrusted. One
// capturing listener at the shadow root stops them before any handler inside runs, and cancels what
// they would do by default.
//
// Only clicks: what the roots hold acts on nothing else. Their controls are buttons, which a key
// activates by a click of the same trust (a dispatched key activates nothing), and the card's fields
// are in the extension's own frame, out of the page's reach. A listener for each kind of input cost
// a thread of 70 chips about a millisecond of the task that shows it.
export function acceptOnlyTrustedInput(root: ShadowRoot): void {
  root.addEventListener('click', stopUntrusted, { capture: true });
}

function stopUntrusted(event: Event): void {
  if (event.isTrusted) return;
  event.stopImmediatePropagation();
  event.preventDefault();
}
