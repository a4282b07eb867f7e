// LeadLens's UI on a host page acts only on the rep's own input. A page script can dispatch events
// (element.click(), new KeyboardEvent) at anything it reaches; the browser marks those untrusted. One
// capturing listener at the shadow root stops them before any handler inside runs, and cancels what
// they would do by default (a button's activation, a form's submission).
const GUARDED = ['click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change', 'submit'] as const;

export function acceptOnlyTrustedInput(root: ShadowRoot): void {
  const stopUntrusted = (event: Event) => {
    if (event.isTrusted) return;
    event.stopImmediatePropagation();
    event.preventDefault();
  };
  for (const type of GUARDED) root.addEventListener(type, stopUntrusted, { capture: true });
}
