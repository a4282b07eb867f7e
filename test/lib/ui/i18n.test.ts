import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { chosenLanguage, formatMessage, messageTableOf, t, useMessages, type MessageTable } from '../../../lib/ui/i18n';
import { describeSla, formatAge } from '../../../lib/ui/format';
import { disagreements, mutants } from '../../fixtures/drift';

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
    expect(describeSla({ state: 'overdue', dueAt: 0, msLeft: 0, businessMsLeft: -125 * 60_000 })).toBe('2時間5分超過');
    expect(t('cardName', '佐藤 健')).toMatch(/^LeadLens/);
  });
});

describe('messageTableOf', () => {
  /** The shape of a messages.json as zod would write it: Chrome's description and example fields pass unread. */
  const MessageTableShape = z.record(
    z.string(),
    z.object({ message: z.string(), placeholders: z.record(z.string(), z.object({ content: z.string() })).optional() }),
  );
  const sample = {
    syncing: { message: 'Syncing… $COUNT$ records', placeholders: { count: { content: '$1', example: '12' } } },
    save: { message: 'Save', description: 'The options form button' },
  };
  const accepts = (value: unknown) => {
    try {
      return messageTableOf(value) === value;
    } catch {
      return false;
    }
  };

  it('takes the same tables as a zod schema of their shape, and names the field zod names', () => {
    const cases = mutants(sample);
    expect(disagreements(accepts, MessageTableShape, cases)).toEqual([]);
    const refused = cases.flatMap(({ name, value }) => {
      const parsed = MessageTableShape.safeParse(value);
      return parsed.success ? [] : [{ name, value, field: parsed.error.issues[0]!.path.join('.') || '(root)' }];
    });
    expect(refused.map(({ field }) => field)).toEqual(expect.arrayContaining(['(root)', 'save', 'syncing.message', 'syncing.placeholders.count.content']));
    for (const { name, value, field } of refused) expect(() => messageTableOf(value), name).toThrow(`Messages: ${field}: must be `);
    expect(cases.filter(({ value }) => accepts(value)).map(({ name }) => name)).toEqual(
      expect.arrayContaining(['valid', 'save with an extra field', 'syncing.placeholders missing']),
    );
  });

  it('takes the tables the extension ships', () => {
    for (const language of ['en', 'ja']) expect(accepts(table(language)), language).toBe(true);
  });

  it('keeps the language in use when a table from the background is broken', () => {
    expect(() => useMessages('ja', { pendingHandoffs: { message: 42 } })).toThrow('Messages: pendingHandoffs.message: must be a string');
    expect(t('pendingHandoffs')).toBe('Pending handoffs');
    expect(chosenLanguage()).toBe('en');
  });
});
