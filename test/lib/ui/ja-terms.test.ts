import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One term per concept in the Japanese UI: the term a rep reads on the card is the one the options,
// the popup and the notifications use. Each concept lists its term and the variants a translator
// might reach for; a variant anywhere is a second term for the same thing.
const CONCEPTS = [
  { concept: 'contacted / first contact', term: '連絡', variants: ['接触', 'コンタクト'] },
  { concept: 'due soon', term: '期限間近', variants: ['まもなく期限', '期限が近い', '期限迫る'] },
  { concept: 'overdue', term: '期限超過', variants: ['期限切れ', '遅延'] },
  { concept: 'handoff', term: '引き渡し', variants: ['引き継ぎ', 'ハンドオフ'] },
  { concept: 'reject (back to nurture)', term: '差し戻', variants: ['却下'] },
  { concept: 'accept', term: '受け入れ', variants: ['承認', '受諾'] },
];

const japanese = JSON.parse(readFileSync(join(__dirname, '../../../public/_locales/ja/messages.json'), 'utf8')) as Record<string, { message: string }>;
const messagesWith = (text: string) => Object.entries(japanese).filter(([, entry]) => entry.message.includes(text)).map(([key]) => key);

describe('Japanese terms', () => {
  it.each(CONCEPTS)('$concept is always $term', ({ term, variants }) => {
    expect(messagesWith(term).length, `${term} is used`).toBeGreaterThan(0);
    for (const variant of variants) expect(messagesWith(variant), `${variant} instead of ${term}`).toEqual([]);
  });
});
