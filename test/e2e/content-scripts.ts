// Which of LeadLens's content scripts the browser would run on a page, asked of the browser itself:
// the manifest's and those the background registered. A test that a page gets no script asks this
// instead of waiting a while and seeing nothing, which a broken or slow script would pass as well.
import { MatchPattern } from 'wxt/utils/match-patterns';

interface ExtensionApi {
  runtime: { getManifest(): { content_scripts?: { matches?: string[] }[] } };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]> };
}

/**
 * Runs inside the extension (Chromium's service worker, or an extension page in Firefox, passed to
 * their evaluate): the match patterns of every content script, as the browser holds them.
 */
export async function contentScriptMatches(): Promise<string[]> {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome: ExtensionApi };
  const api = scope.browser ?? scope.chrome;
  const registered = await api.scripting.getRegisteredContentScripts();
  return [...(api.runtime.getManifest().content_scripts ?? []), ...registered].flatMap((script) => script.matches ?? []);
}

/** Whether any of these match patterns takes in the URL. */
export function coversUrl(matches: string[], url: string): boolean {
  return matches.some((match) => new MatchPattern(match).includes(url));
}
