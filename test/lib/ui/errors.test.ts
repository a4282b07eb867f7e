import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { SourceError } from '../../../lib/sources/source';
import { describeError, errorCodeOf } from '../../../lib/ui/errors';
import { useMessages } from '../../../lib/ui/i18n';
import japanese from '../../../public/_locales/ja/messages.json';

const RAW = 'HubSpot refused the token (401 Unauthorized: Authentication credentials not found).';
const ELSEWHERE = 'The saved token belongs to https://api.hubapi.com: LeadLens sends it nowhere else. Enter the token for https://attacker.example.com.';
const UNSET = 'Set the access token of your HubSpot service key or private app in LeadLens options.';
const SWITCHED = 'Not delivered: LeadLens was connected to another marketing system before this went out.';

describe('errorCodeOf', () => {
  it("takes a source's kind of failure", () => {
    expect(errorCodeOf(new SourceError(RAW, 'auth'))).toBe('auth');
    expect(errorCodeOf(new SourceError('Could not reach HubSpot (offline).', 'network'))).toBe('network');
    expect(errorCodeOf(new SourceError('429', 'rate_limited', 10_000))).toBe('rate_limited');
    expect(errorCodeOf(new SourceError(ELSEWHERE, 'token_elsewhere'))).toBe('token_elsewhere');
    expect(errorCodeOf(new SourceError(UNSET, 'not_configured'))).toBe('not_configured');
  });

  it("knows the database's failures, wrapped by Dexie or not", () => {
    const quota = new DOMException('Quota exceeded', 'QuotaExceededError');
    expect(errorCodeOf(new Dexie.AbortError('Transaction aborted', quota))).toBe('database');
    expect(errorCodeOf(new Dexie.DatabaseClosedError())).toBe('database');
    expect(errorCodeOf(quota)).toBe('database');
  });

  it('calls anything else unknown, whatever it claims', () => {
    expect(errorCodeOf(new Error('disk on fire'))).toBe('unknown');
    expect(errorCodeOf(Object.assign(new Error('x'), { kind: 'auth' }))).toBe('unknown'); // not a SourceError
    expect(errorCodeOf(null)).toBe('unknown');
    expect(errorCodeOf('a string')).toBe('unknown');
  });
});

describe('describeError', () => {
  it("says a known failure in the UI's words, the system's text as the detail (English)", () => {
    expect(describeError('auth', RAW)).toEqual({ text: 'The marketing system refused the connection (check the token and its permissions).', detail: RAW });
    expect(describeError('network', 'Could not reach HubSpot (offline).').text).toBe('Could not reach the marketing system (check the network or the address).');
    expect(describeError('database', 'QuotaExceededError').text).toBe('LeadLens could not use its local cache.');
  });

  it("says LeadLens's own refusals as such, not as the marketing system's, keeping a detail only when it adds something", () => {
    expect(describeError('token_elsewhere', ELSEWHERE)).toEqual({ text: 'The saved token is not for this API base URL, so LeadLens did not send it. Enter the token for this URL.', detail: ELSEWHERE });
    expect(describeError('not_configured', UNSET)).toEqual({ text: 'The connection to the marketing system is not complete, so LeadLens sent nothing. Finish it under Marketing system in the options.', detail: UNSET });
    expect(describeError('source_changed', SWITCHED)).toEqual({ text: SWITCHED, detail: '' });
  });

  it('keeps an unknown failure, or one from an older build with no code, in its own words', () => {
    expect(describeError(undefined, 'disk on fire')).toEqual({ text: 'disk on fire', detail: '' });
    expect(describeError('unknown', 'disk on fire')).toEqual({ text: 'disk on fire', detail: '' });
    expect(describeError('no-such-code', 'disk on fire')).toEqual({ text: 'disk on fire', detail: '' });
    expect(describeError(undefined, '')).toEqual({ text: 'Something went wrong.', detail: '' });
  });

  it('in Japanese', () => {
    useMessages('ja', japanese);
    expect(describeError('auth', RAW)).toEqual({ text: 'マーケティングシステムが接続を拒否しました（トークンと権限を確認してください）', detail: RAW });
    expect(describeError('rate_limited', '429').text).toBe('マーケティングシステムへのリクエストが多すぎます。しばらくしてから自動で再試行します。');
    expect(describeError('database', 'VersionError').text).toBe('LeadLens のローカルキャッシュを使用できませんでした。');
    expect(describeError('token_elsewhere', ELSEWHERE)).toEqual({ text: '保存済みのトークンはこの API ベース URL 用ではないため、送信していません。この URL 用のトークンを入力してください。', detail: ELSEWHERE });
    expect(describeError('not_configured', UNSET).text).toBe('マーケティングシステムへの接続設定が完了していないため、送信していません。オプションの「マーケティングシステム」で設定を完了してください。');
    expect(describeError('source_changed', SWITCHED)).toEqual({ text: '送信する前に LeadLens の接続先が別のマーケティングシステムに変わったため、届けられませんでした。', detail: SWITCHED });
  });
});
