// @vitest-environment happy-dom
// Where the card goes beside what the rep reads (besideReading): clear of every message body on screen,
// in the wider strip beside them, or nowhere (null) when neither strip is wide enough; and how high (topBeside).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { besideReading, topBeside } from '../../components/overlay/card-frame';

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
const overlaps = (a: { left: number; width: number }, b: DOMRect) => a.left < b.right && b.left < a.left + a.width;

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
    expect(place).toEqual({ left: 8, width: 312 });
    expect(topBeside(chip.top, 240)).toBe(200);
    for (const body of bodies) expect(overlaps(place, body.getBoundingClientRect())).toBe(false);
  });

  it("in Outlook's layout, goes over the message list left of the reading pane, at full width", () => {
    placed('body', 720, 300, 600, 400);
    const place = besideReading('.body', rect(760, 250, 60, 18))!;
    expect(place).toEqual({ left: 720 - 8 - 400, width: 400 });
  });

  it('takes the right-hand strip when it is the wider', () => {
    placed('body', 40, 100, 500, 400);
    expect(besideReading('.body', rect(60, 80, 60, 18))).toEqual({ left: 548, width: 400 });
  });

  it('never covers the chip either, though it lies outside the bodies', () => {
    placed('body', 500, 100, 800, 400);
    // Left of the bodies alone there would be 484 px; left of the chip, 184: too narrow, so no place beside.
    expect(besideReading('.body', rect(200, 80, 60, 18))).toBeNull();
    const clear = besideReading('.body', rect(380, 80, 60, 18))!;
    expect(clear.left + clear.width).toBeLessThanOrEqual(380 - 8);
  });

  it("stays level with the chip when the card fits below its top, and moves up as far as the card's height needs", () => {
    expect(topBeside(200, 480)).toBe(200);
    expect(topBeside(700, 480)).toBe(768 - 8 - 480);
    expect(topBeside(700, 2_000)).toBe(8); // taller than the window: from its top, scrolling inside
  });

  it('gives up (the card goes below the chip) when neither strip is wide enough, or no body is on screen', () => {
    placed('a3s', 150, 100, 1150, 400);
    expect(besideReading('.a3s', rect(200, 80, 60, 18))).toBeNull();
    document.body.replaceChildren();
    placed('a3s', 328, 900, 980, 400); // below the fold
    expect(besideReading('.a3s', rect(440, 80, 60, 18))).toBeNull();
  });
});
