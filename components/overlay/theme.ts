// Light or dark, as the host page shows it (Gmail and the CRMs have their own dark themes, which
// need not follow the OS): judged by the luminance of the background behind the address.
export type Theme = 'light' | 'dark';

/**
 * `seen` holds what earlier reads found for the elements they passed (views share most of their
 * ancestors): an element's theme is its first opaque background's, at it or above it.
 */
export function pageTheme(near: Element, seen = new Map<Element, Theme>()): Theme {
  const passed: Element[] = [];
  let theme: Theme = 'light';
  for (let element: Element | null = near; element; element = element.parentElement) {
    const known = seen.get(element);
    if (known) {
      theme = known;
      break;
    }
    passed.push(element);
    const rgba = parseRgba(getComputedStyle(element).backgroundColor);
    if (rgba && rgba[3] > 0.5) {
      theme = luminance(rgba) < 0.4 ? 'dark' : 'light';
      break;
    }
  }
  for (const element of passed) seen.set(element, theme);
  return theme;
}

export type ThemeReader = ReturnType<typeof createThemeReader>;

/**
 * The theme for views made while the page mutates. Reading a computed style makes the browser style
 * every element changed since its last frame first: in the task that puts a new thread on screen, that
 * is half of Gmail's page, done there and then and laid out again in the frame (a long task of its
 * own). So only the first view reads at once; later ones take the theme read last, which is read
 * again after the page's next frame, when its styles are up to date and reading costs little, and
 * corrected if the page changed theme meanwhile. In a hidden tab that frame waits for the rep to come
 * back, which is when it matters.
 */
export function createThemeReader() {
  let last: Theme | null = null;
  const waiting: { near: Element; apply: (theme: Theme) => void }[] = [];

  /**
   * The page's theme is the page's (Gmail's, a CRM's): one read tells whether it changed since the
   * views were given theirs, and each is read then only (a thread's 70 reads took longer than its chips).
   */
  function readWaiting() {
    const views = waiting.splice(0).filter(({ near }) => near.isConnected);
    const given = last;
    const seen = new Map<Element, Theme>();
    if (!views[0] || (last = pageTheme(views[0].near, seen)) === given) return;
    for (const { near, apply } of views) apply(pageTheme(near, seen));
  }

  return {
    /** The theme for a view near this element now; `apply` hears of a correction after the next frame. */
    themeNear(near: Element, apply: (theme: Theme) => void): Theme {
      if (last === null) return (last = pageTheme(near));
      if (waiting.length === 0) requestAnimationFrame(() => setTimeout(readWaiting));
      waiting.push({ near, apply });
      return last;
    },
  };
}

function parseRgba(color: string): [number, number, number, number] | null {
  const match = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)/.exec(color);
  if (!match) return null;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] === undefined ? 1 : Number(match[4])];
}

function luminance([r, g, b]: [number, number, number, number]): number {
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}
