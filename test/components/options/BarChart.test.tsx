// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { axisMax, BarChart, wrapLabel } from '../../../components/options/BarChart';

let container: HTMLElement | undefined;
afterEach(() => {
  if (container) render(null, container);
  container?.remove();
  container = undefined;
});

describe('BarChart', () => {
  it('runs its axis to a round number, never shorter than 5', () => {
    expect([0, 1, 4, 5, 6, 11, 21, 26, 51, 180, 999].map(axisMax)).toEqual([5, 5, 5, 5, 10, 20, 25, 50, 100, 200, 1000]);
  });

  it('wraps a long label to two lines and cuts the rest', () => {
    expect(wrapLabel('Webinar')).toEqual(['Webinar']);
    const long = '2026年第4四半期 営業DXウェビナー「マーケティングと営業の連携を強化する10の方法」追加開催分';
    const lines = wrapLabel(long);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
    expect(long.replace(/ /g, '').startsWith(lines.join('').slice(0, -1).replace(/ /g, ''))).toBe(true);
  });

  it('draws a count of 1 as a fifth of the width, numbers each part and the total, and scales to the page', () => {
    container = document.createElement('div');
    document.body.append(container!);
    render(
      <BarChart
        label="Handoffs by SLA outcome"
        rows={[{ label: '6 handoffs', parts: [
          { name: 'Met', value: 1, color: '#009E73', ink: '#000' },
          { name: 'Missed', value: 2, color: '#D55E00', ink: '#000' },
          { name: 'Still open', value: 3, color: '#8c959f', ink: '#000' },
        ] }]}
        legend={[{ name: 'Met', color: '#009E73', value: 1 }, { name: 'Missed', color: '#D55E00', value: 2 }, { name: 'Still open', color: '#8c959f', value: 3 }]}
      />,
      container,
    );
    const svg = container!.querySelector('svg')!;
    expect(svg.getAttribute('width')).toBe('100%');
    expect(svg.getAttribute('viewBox')).toMatch(/^0 0 640 /);
    const widths = [...svg.querySelectorAll('rect')].map((rect) => Number(rect.getAttribute('width')));
    expect(widths[1]! / widths[0]!).toBeCloseTo(2);
    expect(widths[0]! * 10).toBeCloseTo(widths.reduce((sum, width) => sum + width, 0) * 10 / 6); // 1 of an axis of 10
    expect([...svg.querySelectorAll('text')].map((text) => text.textContent)).toEqual(['0', '5', '10', '6 handoffs6 handoffs', '1', '2', '3', '6']);
    expect([...container!.querySelectorAll('.legend li')].map((item) => item.textContent)).toEqual(['Met: 1', 'Missed: 2', 'Still open: 3']);
    expect(container!.querySelector('table')!.textContent).toBe('Handoffs by SLA outcome6 handoffsMet: 1Missed: 2Still open: 3');
  });
});
