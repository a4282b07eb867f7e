// The typed messages content scripts, the card, popup and options send to the background. Requests are parsed with
// zod on arrival; every answer is { ok: true, data } or { ok: false, error } with a readable error.
import { z } from 'zod';
import { CrmRecord, Email, HandoffAction, Verdict } from '../domain/model';
import { SourceSettings, type FeedbackReason } from '../domain/settings-schema';
import type { LeadContext } from '../cache/lead-context';
import type { ChipContext, RecordChip } from '../cache/chip-context';
import type { AccountContext } from '../cache/account-context';
import { LANGUAGES, type Language, type MessageTable } from '../ui/i18n';
import type { SyncState } from '../cache/db-name';

/** Enough for every participant of a long thread; the API's batch limit too. */
export const MAX_EMAILS_PER_REQUEST = 100;

/** A page's URL names one record; a few leave room for a page that names a lead and its contact. */
export const MAX_RECORDS_PER_REQUEST = 5;

/** A lead's whole context, for the card: by address, the one its page was opened for. */
export const ContextRequest = z
  .object({
    type: z.literal('context'),
    emails: z.array(Email).max(MAX_EMAILS_PER_REQUEST).default([]),
    /** The touch timelines, the fit and the latest verdict too: the card asks for them, a page reading only the sync state does not. */
    withTouches: z.boolean().default(false),
  })
  .refine((request) => request.emails.length > 0, { message: 'give at least one email', path: ['emails'] });

/** What the chips on a page show of its addresses (and of the record its URL names): all a content script is told of a lead. */
export const ChipsRequest = z
  .object({
    type: z.literal('chips'),
    emails: z.array(Email).max(MAX_EMAILS_PER_REQUEST).default([]),
    records: z.array(CrmRecord).max(MAX_RECORDS_PER_REQUEST).default([]),
  })
  .refine((request) => request.emails.length + request.records.length > 0, { message: 'give at least one email or CRM record', path: ['emails'] });

/** Who else at this lead's company is engaging: for the card, one lead at a time. */
export const AccountRequest = z.object({ type: z.literal('account'), email: Email });

export const SyncNowRequest = z.object({ type: z.literal('syncNow') });

/** The words of a language the rep chose over the browser's: for content scripts, which cannot fetch them. */
export const MessagesRequest = z.object({ type: z.literal('messages'), language: z.enum(LANGUAGES) });

/** An empty note is no note. */
const Note = z
  .string()
  .max(2000)
  .optional()
  .transform((note) => note?.trim() || undefined);

export const FeedbackRequest = z.object({
  type: z.literal('feedback'),
  email: Email,
  handoffId: z.string().min(1).optional(),
  verdict: Verdict,
  /** Defaults to the verdict itself; the options page may define finer reasons. */
  reasonCode: z.string().min(1).optional(),
  note: Note,
});

export const HandoffActionRequest = z.object({
  type: z.literal('handoffAction'),
  handoffId: z.string().min(1),
  action: HandoffAction,
  reasonCode: z.string().min(1).optional(),
  note: Note,
});

const Connection = {
  // The source's fields as Settings has them, less the demo's seed, which the form never sends.
  ...SourceSettings.omit({ demoSeed: true }).shape,
  /** Only on its way in: the background keeps it, nothing ever sends it back. */
  token: z.string().trim().min(1).max(4096).optional(),
};
export const SaveConnectionRequest = z.object({ type: z.literal('saveConnection'), ...Connection });
export const TestConnectionRequest = z.object({ type: z.literal('testConnection'), ...Connection });
/** HubSpot's contact properties for the options' pickers, read with the token typed in or the one saved for this base URL. */
export const ListHubSpotPropertiesRequest = z.object({ type: z.literal('listHubSpotProperties'), baseUrl: Connection.baseUrl, token: Connection.token });

export const Request = z.discriminatedUnion('type', [
  ChipsRequest,
  ContextRequest,
  AccountRequest,
  SyncNowRequest,
  MessagesRequest,
  FeedbackRequest,
  HandoffActionRequest,
  SaveConnectionRequest,
  TestConnectionRequest,
  ListHubSpotPropertiesRequest,
]);
/** What a sender passes: the input side of each schema. */
export type Request = z.input<typeof Request>;
export type ParsedRequest = z.output<typeof Request>;

export interface ContextAnswer {
  /** One per email asked, in that order. */
  contexts: LeadContext[];
  syncState: SyncState | null;
  /** The feedback reasons the card offers, as the options set them. */
  reasons: FeedbackReason[];
  /** The language the rep chose, or null to follow the browser. */
  language: Language | null;
}

export interface ChipsAnswer {
  /** One per email asked, in that order. */
  chips: ChipContext[];
  /** One per record asked, in that order, each with its key. */
  records: RecordChip[];
  /** The language the rep chose, or null to follow the browser. */
  language: Language | null;
}

/** What each request type answers with. */
export interface Answers {
  chips: ChipsAnswer;
  context: ContextAnswer;
  /** Null when the lead is unknown or has no account (a free-mail address without an account id). */
  account: AccountContext | null;
  syncNow: SyncState;
  messages: MessageTable;
  /** The outbox item's id: stored locally at once, delivered in the background. */
  feedback: { queuedId: string };
  handoffAction: { queuedId: string };
  saveConnection: { tokenSaved: boolean };
  testConnection: ConnectionTestAnswer;
  listHubSpotProperties: HubSpotPropertiesAnswer;
}

/** Test connection's verdict; a source with a check of its own (LeadSource.check) lists its problems and notes one by one. */
export interface ConnectionTestAnswer {
  ok: boolean;
  message: string;
  /** When the test failed on the way (lib/ui/errors.ts), rather than naming problems. */
  code?: string;
  problems?: string[];
  notes?: string[];
}

/** A HubSpot contact property the options offer: its internal name, its label, its type. */
export interface HubSpotPropertyChoice {
  name: string;
  label: string;
  type: string;
}

/** The number properties (score) and date properties (MQL date), or why they could not be read (with its code, lib/ui/errors.ts). */
export type HubSpotPropertiesAnswer = { ok: true; numbers: HubSpotPropertyChoice[]; dates: HubSpotPropertyChoice[] } | { ok: false; message: string; code?: string };

export type Reply<T> = { ok: true; data: T } | { ok: false; error: string; code?: string };

/**
 * Who sent a message, as the browser reports it (runtime.MessageSender): the extension it came from,
 * the URL of the page it came from, and the tab, for a content script or an extension page in a tab.
 */
export interface MessageSender {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** LeadLens itself: its runtime id and the URL its own pages start with (runtime.getURL('/')). */
export interface ExtensionIdentity {
  id: string;
  pagesUrl: string;
}

/**
 * What a content script may ask: the chips for the addresses and records on its page, and the words of
 * the rep's language. It runs in a web page, whose renderer, if compromised, can forge any message the
 * content script could send, and sender.url is then the web page's: so it gets what the chips need and
 * no more (router.ts).
 */
export const CONTENT_SCRIPT_REQUESTS = ['chips', 'messages'] as const;
/**
 * What the card page (card.html) asks besides: a lead's whole context, its account, and the rep's
 * feedback and handoff actions. The card is framed inside the web page but runs in the extension's own
 * process, and its sender.url, set by the browser, is the extension's: a web page cannot pass for it.
 */
export const CARD_REQUESTS = ['context', 'account', 'feedback', 'handoffAction'] as const;
type ContentScriptRequest = (typeof CONTENT_SCRIPT_REQUESTS)[number];
type CardRequest = (typeof CARD_REQUESTS)[number];
/** What only the extension's own pages (popup, options, welcome) may ask; they may ask the rest too. */
type ExtensionPageRequest = Exclude<ParsedRequest['type'], ContentScriptRequest | CardRequest>;

type Handler<K extends ParsedRequest['type']> = (request: Extract<ParsedRequest, { type: K }>, sender: MessageSender) => Promise<Answers[K]>;
export type ContentScriptHandlers = { [K in ContentScriptRequest]: Handler<K> };
export type CardHandlers = { [K in CardRequest]: Handler<K> };
export type ExtensionPageHandlers = { [K in ExtensionPageRequest]: Handler<K> };

/** From the background to a page's content script: these leads changed in the cache, read them again. */
export interface LeadsChangedNotice {
  type: 'leadsChanged';
  emails: string[];
  /** The keys of the records asked about that the source now says are these leads. */
  records?: string[];
}
