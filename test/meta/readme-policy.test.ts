// README's IT section shows the example policy the browser test loads: the two must not drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

describe("README's example policy", () => {
  it('is the one test/e2e/policy.test.ts loads', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('**Example policy**'));
    const block = /```json\n([\s\S]*?)\n```/.exec(section)?.[1];
    expect(block).toBeDefined();
    expect(JSON.parse(block!)).toEqual(JSON.parse(readFileSync(join(root, 'test/e2e/policy-example.json'), 'utf8')));
  });
});
