// LeadLens shows marketing's data and page content as text only, never as HTML (DESIGN.md). This
// fails on any HTML sink in the extension's own code, so a new one has to be argued for here.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');
const SINKS = /\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write(?:ln)?\s*\(|dangerouslySetInnerHTML|createContextualFragment|\.srcdoc\b|DOMParser\b/;

function sourceFiles(): string[] {
  return ['components', 'entrypoints', 'lib'].flatMap((dir) =>
    readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(ts|tsx|js|mjs)$/.test(file))
      .map((file) => join(dir, file)),
  );
}

/** Each line of code that names an HTML sink; comments are left out, as they run nothing. */
export function htmlSinks(source: string): string[] {
  return source
    .split('\n')
    .map((line) => line.replace(/\/\/.*$/, '').replace(/\/\*.*?\*\//g, ''))
    .filter((line) => !/^\s*\*/.test(line) && SINKS.test(line));
}

describe('no HTML from data', () => {
  it('finds no innerHTML, outerHTML, insertAdjacentHTML, document.write or dangerouslySetInnerHTML in the extension', () => {
    const files = sourceFiles();
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((file) => htmlSinks(readFileSync(join(root, file), 'utf8')).map((line) => `${file}: ${line.trim()}`));
    expect(found).toEqual([]);
  });

  it('would notice each kind of sink', () => {
    for (const line of [
      'host.innerHTML = lead.name;',
      'el.outerHTML = x',
      "el.insertAdjacentHTML('beforeend', x)",
      'document.write(x)',
      '<div dangerouslySetInnerHTML={{ __html: x }} />',
    ]) {
      expect(htmlSinks(line), line).toHaveLength(1);
    }
    expect(htmlSinks('// innerHTML is never used here')).toEqual([]);
  });
});
