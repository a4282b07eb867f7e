// The UI's words, from the extension's _locales. By default the browser picks the language
// (browser.i18n); a rep who chose another language in the options gets that table instead, with
// the same placeholder rules, so every string reads the same either way.
import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
export type MessageTable = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export const LANGUAGES = ['en', 'ja'] as const;
export type Language = (typeof LANGUAGES)[number];

let chosen: { language: Language; table: MessageTable } | null = null;

export function t(key: MessageKey, ...substitutions: (string | number)[]): string {
  const values = substitutions.map(String);
  if (chosen) return formatMessage(chosen.table[key], values) || key;
  // MessageKey is already checked against the English file; WXT's own key list may lag behind it.
  return browser.i18n.getMessage(key as Parameters<typeof browser.i18n.getMessage>[0], values) || key;
}

/** Chrome's rules: $NAME$ is the named placeholder's content, in which $1-$9 are substitutions. */
export function formatMessage(entry: MessageTable[string] | undefined, values: string[]): string {
  if (!entry) return '';
  const placeholders = entry.placeholders ?? {};
  return entry.message
    .replace(/\$([a-z0-9_@]+)\$/gi, (whole, name: string) => placeholders[name.toLowerCase()]?.content ?? whole)
    .replace(/\$(\d)/g, (_, digit: string) => values[Number(digit) - 1] ?? '')
    .replace(/\$\$/g, '$');
}

/** Uses a table from elsewhere (a content script's, from the background), checked first: it throws naming the field. */
export function useMessages(language: Language, table: unknown): void {
  chosen = { language, table: messageTableOf(table) };
}

/** Loads the chosen language's table from the extension's own files; 'auto' leaves it to the browser. */
export async function loadLanguage(language: Language | 'auto'): Promise<void> {
  chosen = language === 'auto' ? null : { language, table: await fetchMessages(language) };
}

export async function fetchMessages(language: Language): Promise<MessageTable> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
  return messageTableOf(await response.json());
}

/**
 * The table, checked by hand: the exception to zod at every boundary, because content scripts load
 * this file and stay free of zod (esbuild, minified: they are 32-38 kB, zod/mini's smallest import
 * adds 15 kB, zod over 400 kB). The shape is small enough to check in a few lines, and
 * test/lib/ui/i18n.test.ts holds the check to a zod schema of it, case by case.
 */
export function messageTableOf(value: unknown): MessageTable {
  const problem = tableProblem(value);
  if (problem) throw new Error(`Messages: ${problem.field || '(root)'}: ${problem.reason}`);
  return value as MessageTable;
}

/** The first field that is wrong, named as zod names it: the key, then the path inside its entry. */
function tableProblem(table: unknown): { field: string; reason: string } | null {
  if (!isRecord(table)) return { field: '', reason: 'must be an object' };
  for (const [key, entry] of Object.entries(table)) {
    if (!isRecord(entry)) return { field: key, reason: 'must be an object' };
    if (typeof entry.message !== 'string') return { field: `${key}.message`, reason: 'must be a string' };
    if (entry.placeholders === undefined) continue;
    if (!isRecord(entry.placeholders)) return { field: `${key}.placeholders`, reason: 'must be an object' };
    for (const [name, placeholder] of Object.entries(entry.placeholders)) {
      if (!isRecord(placeholder)) return { field: `${key}.placeholders.${name}`, reason: 'must be an object' };
      if (typeof placeholder.content !== 'string') return { field: `${key}.placeholders.${name}.content`, reason: 'must be a string' };
    }
  }
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The language in use: chosen, or null when the browser's. */
export const chosenLanguage = (): Language | null => chosen?.language ?? null;

/** The locale to format dates and numbers in: the chosen language, else the browser's. */
export function uiLocale(): string {
  return chosen?.language ?? (browserLanguage ??= browser.i18n.getUILanguage());
}
let browserLanguage: string | undefined;
