import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatMessage, t, useMessages, type MessageTable } from '../../../lib/ui/i18n';
import { describeSla, formatAge } from '../../../lib/ui/format';

const localesDir = join(__dirname, '../../../public/_locales');
const table = (language: string) =>
  JSON.parse(readFileSync(join(localesDir, language, 'messages.json'), 'utf8')) as MessageTable;
const placeholderNames = (entry: MessageTable[string]) => Object.keys(entry.placeholders ?? {}).sort();

describe('_locales', () => {
  const languages = readdirSync(localesDir);
  const english = table('en');

  it('ships English and Japanese', () => {
    expect(languages.sort()).toEqual(['en', 'ja']);
  });

  it.each(['ja'])('%s has every English message, and no other, with the same placeholders', (language) => {
    const other = table(language);
    expect(Object.keys(other).sort()).toEqual(Object.keys(english).sort());
    for (const [key, entry] of Object.entries(english)) {
      expect(other[key]!.message.trim(), `${language}:${key}`).not.toBe('');
      expect(placeholderNames(other[key]!), `${language}:${key}`).toEqual(placeholderNames(entry));
      for (const name of placeholderNames(entry)) {
        expect(other[key]!.message.toLowerCase(), `${language}:${key} uses $${name}$`).toContain(`$${name}$`);
      }
    }
  });

  it('uses every message somewhere in the code, so none is left stale', () => {
    const code = ['components', 'entrypoints', 'lib']
      .flatMap((dir) => readdirSync(join(__dirname, '../../..', dir), { recursive: true, withFileTypes: true })
        .filter((file) => file.isFile() && /\.(ts|tsx)$/.test(file.name))
        .map((file) => readFileSync(join(file.parentPath, file.name), 'utf8')))
      .join('\n') + readFileSync(join(__dirname, '../../../wxt.config.ts'), 'utf8');
    const unused = Object.keys(english).filter((key) => !code.includes(`'${key}'`) && !code.includes(`__MSG_${key}__`));
    expect(unused).toEqual([]);
  });
});

describe('t', () => {
  it('fills placeholders the way Chrome does', () => {
    expect(formatMessage({ message: 'Due in $D$ ($$)', placeholders: { d: { content: '$1' } } }, ['5m'])).toBe('Due in 5m ($)');
    expect(t('chipKnown', '佐藤 健', 'A1', 82)).toBe('LeadLens: 佐藤 健, grade A1, score 82');
  });

  it('speaks Japanese when the rep chooses it', () => {
    useMessages('ja', table('ja'));
    expect(t('pendingHandoffs')).toBe('対応待ちの引き渡し');
    expect(formatAge(3 * 60_000)).toBe('3分前');
    expect(describeSla({ state: 'overdue', dueAt: 0, msLeft: -125 * 60_000, businessMsLeft: 0 })).toBe('2時間5分超過');
    expect(t('cardName', '佐藤 健')).toMatch(/^LeadLens/);
  });
});
