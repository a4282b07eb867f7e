// Light or dark, as the host page shows it (Gmail and the CRMs have their own dark themes, which
// need not follow the OS): judged by the luminance of the background behind the address.
export type Theme = 'light' | 'dark';

export function pageTheme(near: Element): Theme {
  for (let element: Element | null = near; element; element = element.parentElement) {
    const rgba = parseRgba(getComputedStyle(element).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.4 ? 'dark' : 'light';
  }
  return 'light';
}

function parseRgba(color: string): [number, number, number, number] | null {
  const match = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)/.exec(color);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
