// @vitest-environment happy-dom
// Where the card goes beside what the rep reads (besideReading): clear of every message body on screen,
// in the wider strip beside them, or nowhere (null) when neither strip is wide enough.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { besideReading } from '../../components/overlay/card-frame';

const VIEW = { width: 1366, height: 768 };
const saved = { width: innerWidth, height: innerHeight };

/** An element of the page at a given place in the viewport (happy-dom lays nothing out). */
function placed(className: string, left: number, top: number, width: number, height: number): HTMLElement {
  const element = document.createElement('div');
  element.className = className;
  element.getBoundingClientRect = () => new DOMRect(left, top, width, height);
  document.body.append(element);
  return element;
}

const rect = (left: number, top: number, width: number, height: number) => new DOMRect(left, top, width, height);
const overlaps = (a: { left: number; top: number; width: number }, b: DOMRect) => a.left < b.right && b.left < a.left + a.width;

beforeEach(() => {
  Object.defineProperty(window, 'innerWidth', { value: VIEW.width, configurable: true });
  Object.defineProperty(window, 'innerHeight', { value: VIEW.height, configurable: true });
});
afterEach(() => {
  document.body.replaceChildren();
  Object.defineProperty(window, 'innerWidth', { value: saved.width, configurable: true });
  Object.defineProperty(window, 'innerHeight', { value: saved.height, configurable: true });
});

describe('besideReading', () => {
  it("in Gmail's layout, goes left of the message bodies, over the navigation, at the chip's height", () => {
    const bodies = [placed('a3s', 328, 420, 980, 300), placed('a3s', 328, 120, 980, 200)];
    const chip = rect(440, 200, 60, 18);
    const place = besideReading('.a3s', chip)!;
    expect(place).toEqual({ left: 8, top: 200, width: 312 });
    for (const body of bodies) expect(overlaps(place, body.getBoundingClientRect())).toBe(false);
  });

  it("in Outlook's layout, goes over the message list left of the reading pane, at full width", () => {
    placed('body', 720, 300, 600, 400);
    const place = besideReading('.body', rect(760, 250, 60, 18))!;
    expect(place).toEqual({ left: 720 - 8 - 400, top: 250, width: 400 });
  });

  it('takes the right-hand strip when it is the wider', () => {
    placed('body', 40, 100, 500, 400);
    expect(besideReading('.body', rect(60, 80, 60, 18))).toEqual({ left: 548, top: 80, width: 400 });
  });

  it('never covers the chip either, though it lies outside the bodies', () => {
    placed('body', 500, 100, 800, 400);
    // Left of the bodies alone there would be 484 px; left of the chip, 184: too narrow, so no place beside.
    expect(besideReading('.body', rect(200, 80, 60, 18))).toBeNull();
    const clear = besideReading('.body', rect(380, 80, 60, 18))!;
    expect(clear.left + clear.width).toBeLessThanOrEqual(380 - 8);
  });

  it('moves up from a low chip so the card has room to show its first screen', () => {
    placed('a3s', 328, 100, 980, 600);
    expect(besideReading('.a3s', rect(440, 700, 60, 18))!.top).toBe(768 - 8 - 480);
  });

  it('gives up (the card goes below the chip) when neither strip is wide enough, or no body is on screen', () => {
    placed('a3s', 150, 100, 1150, 400);
    expect(besideReading('.a3s', rect(200, 80, 60, 18))).toBeNull();
    document.body.replaceChildren();
    placed('a3s', 328, 900, 980, 400); // below the fold
    expect(besideReading('.a3s', rect(440, 80, 60, 18))).toBeNull();
  });
});
