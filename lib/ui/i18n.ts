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

export function useMessages(language: Language, table: MessageTable): void {
  chosen = { language, table };
}

/** Loads the chosen language's table from the extension's own files; 'auto' leaves it to the browser. */
export async function loadLanguage(language: Language | 'auto'): Promise<void> {
  if (language === 'auto') {
    chosen = null;
    return;
  }
  useMessages(language, await fetchMessages(language));
}

export async function fetchMessages(language: Language): Promise<MessageTable> {
  const response = await fetch(browser.runtime.getURL(`/_locales/${language}/messages.json`));
  return (await response.json()) as MessageTable;
}

/** The language in use: chosen, or null when the browser's. */
export const chosenLanguage = (): Language | null => chosen?.language ?? null;

/** The locale to format dates and numbers in: the chosen language, else the browser's. */
export function uiLocale(): string {
  return chosen?.language ?? (browserLanguage ??= browser.i18n.getUILanguage());
}
let browserLanguage: string | undefined;
