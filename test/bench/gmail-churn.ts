// A Gmail-sized page for the churn benchmark, generated from a seed: an open thread of 20 messages
// with 70 addresses where Gmail puts them (lib/pages/gmail.ts), the hidden 50-row inbox list Gmail
// keeps, the labels, the chat roster, closed menus and a stylesheet of 4,000 rules; about 16,000
// elements and 22,700 nodes. Its script (gmail-churn-script.ts) mutates it as Gmail does all day.
// The markup follows the saved pages in test/fixtures/pages/gmail, at the size of a real inbox.
import { mulberry32 } from '../../lib/sources/demo/random';
import { churnPageScript, gmailChurnOps, type ChurnConfig } from './gmail-churn-script';

export interface Person {
  email: string;
  name: string;
}

/** The thread the page opens on, and the one the navigation goes to. */
export const CHURN_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXChurnThread0001';
export const NEXT_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXChurnThread0002';
/** Addresses LeadLens reads in each thread: 10 collapsed senders, 10 expanded senders, 5 recipients each. */
export const THREAD_ADDRESSES = 70;
const MESSAGES = 20;
const RECIPIENTS = 5;
/** Rows of layout table in each expanded message's body: what brings the page to Gmail's size. */
const BODY_ROWS = 82;

export type Random = () => number;

export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
export const times = (count: number, make: (n: number) => string) => Array.from({ length: count }, (_, n) => make(n)).join('');
const person = (className: string, { email, name }: Person, inner = escapeHtml(name)) =>
  `<span class="${className}" email="${escapeHtml(email)}" name="${escapeHtml(name)}" data-hovercard-id="${escapeHtml(email)}">${inner}</span>`;

const WORDS = ['導入', 'のご相談', 'proposal', 'pricing', 'renewal', 'security', 'questionnaire', 'demo', 'next', 'week', 'budget',
  'approval', 'contract', 'team', 'schedule', '見積もり', 'ご確認', 'お願いします', 'timeline', 'integration', 'pilot', 'results'];
export const sentence = (random: Random, words: number) => Array.from({ length: words }, () => pick(random, WORDS)).join(' ');
export const date = (random: Random) => `Nov ${1 + Math.floor(random() * 28)}, 2026, ${1 + Math.floor(random() * 12)}:${String(Math.floor(random() * 60)).padStart(2, '0')} PM`;

/** An HTML mail's body, as senders' mail programs write them: nested layout tables, a signature, the quoted thread. */
function messageBody(random: Random, sender: Person, size: number): string {
  const paragraphs = times(4, () => `<p style="margin:0 0 12px"><span>${sentence(random, 14)}</span> <b>${sentence(random, 2)}</b> <a href="https://example.com/${Math.floor(random() * 1e6)}">${sentence(random, 2)}</a></p>`);
  const layoutRows = times(size, () =>
    `<tr><td class="m_cell" style="padding:4px"><table role="presentation" width="100%"><tbody><tr><td>${sentence(random, 2)} <span style="color:#444">${sentence(random, 5)}</span> ${sentence(random, 1)}</td>` +
    `<td align="right"><a href="https://example.com/r" style="color:#1a73e8">${sentence(random, 1)}</a></td></tr></tbody></table></td></tr>`,
  );
  const signature = `<div class="gmail_signature"><div dir="ltr"><div><b>${escapeHtml(sender.name)}</b></div><div>${sentence(random, 3)}</div>` +
    `<div><a href="mailto:${escapeHtml(sender.email)}">${escapeHtml(sender.email)}</a></div></div></div>`;
  // A body may imitate Gmail's own markup: LeadLens never reads inside one.
  const quote = `<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On ${date(random)} ${person('gD', sender)} wrote:</div>` +
    `<blockquote class="gmail_quote">${times(3, () => `<div>${sentence(random, 10)}</div>`)}</blockquote></div>`;
  return `<div class="a3s aiL"><div dir="ltr">${paragraphs}<table role="presentation" class="m_layout"><tbody>${layoutRows}</tbody></table>${signature}${quote}</div></div>`;
}

function collapsedMessage(random: Random, sender: Person, id: string): string {
  return `<div class="kv nH oy8Mbf" role="listitem" aria-expanded="false" tabindex="-1"><div class="Bk"><div class="G3 G2 afm"><div>
<div class="adf ads" data-message-id="#msg-f:${id}" data-legacy-message-id="${id}"><div class="gs"><div class="gE hI">
<table class="cf gJ"><tbody><tr class="acZ"><td class="gF gK"><table class="cf ix"><tbody><tr><td>
<h3 class="iw"><span translate="no" class="qu" role="gridcell" tabindex="-1">${person('yP', sender)}</span></h3>
</td></tr></tbody></table></td><td class="gH bAk"><div class="gK"><span class="g3" title="${date(random)}">${date(random)}</span></div></td></tr></tbody></table>
<div class="iA g6">${sentence(random, 12)}</div></div></div></div></div></div></div></div>`;
}

function expandedMessage(random: Random, sender: Person, recipients: Person[], id: string, bodySize: number): string {
  const to = recipients.map((recipient) => person('g2', recipient)).join(', ');
  const details = recipients.map((recipient) => `<span email="${escapeHtml(recipient.email)}" name="${escapeHtml(recipient.name)}">${escapeHtml(recipient.name)}</span>`).join(', ');
  return `<div class="h7 ie nH oy8Mbf" role="listitem" aria-expanded="true" tabindex="-1"><div class="Bk"><div class="G3 G2"><div>
<div class="adn ads" data-message-id="#msg-f:${id}" data-legacy-message-id="${id}">
<div class="aju"><div class="aCi"><img class="ajn" alt="" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-hovercard-id="${escapeHtml(sender.email)}"></div></div>
<div class="gs"><div class="gE iv gt"><table class="cf gJ"><tbody><tr class="acZ"><td class="gF gK"><table class="cf ix"><tbody><tr><td>
<h3 class="iw"><span translate="no" class="qu" role="gridcell" tabindex="-1">${person('gD', sender, `<span>${escapeHtml(sender.name)}</span>`)} <span class="go"><span aria-hidden="true">&lt;</span>${escapeHtml(sender.email)}<span aria-hidden="true">&gt;</span></span></span></h3>
</td></tr></tbody></table></td><td class="gH bAk"><div class="gK"><span class="g3" title="${date(random)}" role="gridcell" tabindex="-1">${date(random)}</span></div></td>
<td class="gH"><div class="T-I J-J5-Ji T-I-Js-IF aaq T-I-ax7" role="button" aria-label="Reply" data-tooltip="Reply"><img class="hB T-I-J3" alt=""></div></td></tr>
<tr class="acZ xD"><td colspan="3"><table class="cf adz"><tbody><tr><td class="ady"><div class="iw ajw"><span class="hb">to ${to}</span></div>
<div class="ajy" role="button" aria-haspopup="true" aria-label="Show details" tabindex="0"><img class="ajz" alt=""></div></td></tr></tbody></table></td></tr></tbody></table>
<div class="ajA SK" style="visibility: hidden"><table class="ajB"><tbody><tr class="ajv"><td class="gG"><span class="gI">from:</span></td><td class="gL"><span class="gI">${escapeHtml(sender.name)}</span></td></tr>
<tr class="ajv"><td class="gG"><span class="gI">to:</span></td><td class="gL"><span class="gI"><span class="ajC">${details}</span></span></td></tr></tbody></table></div></div></div>
<div class="gs"><div class="ii gt">${messageBody(random, sender, bodySize)}</div></div><div class="hq gt"></div>
<div class="ip iq"><div class="amn"><span class="ams bkH" role="link" tabindex="0">Reply</span> <span class="ams bkI" role="link" tabindex="0">Reply all</span> <span class="ams bkG" role="link" tabindex="0">Forward</span></div></div>
</div></div></div></div></div>`;
}

/**
 * One thread view: 10 collapsed messages, then 10 expanded ones, each to the rep and four others.
 * `known` people (the rep, some of the last thread's) come back, as they do from thread to thread.
 */
export function threadView(random: Random, threadId: string, subject: string, people: Person[], bodySize: number): { html: string; addresses: string[] } {
  const messages: string[] = [];
  const addresses: string[] = [];
  for (let n = 0; n < MESSAGES; n++) {
    const id = `${threadId}${String(n).padStart(4, '0')}`;
    const sender = pick(random, people.slice(1));
    if (n < MESSAGES / 2) {
      messages.push(collapsedMessage(random, sender, id));
      addresses.push(sender.email);
    } else {
      const recipients = [people[0]!, ...Array.from({ length: RECIPIENTS - 1 }, () => pick(random, people.slice(1)))];
      messages.push(expandedMessage(random, sender, recipients, id, bodySize));
      addresses.push(sender.email, ...recipients.map((recipient) => recipient.email));
    }
  }
  const html = `<div class="nH if" data-churn-thread="${threadId}"><div class="nH"><div class="ha">
<h2 class="hP" tabindex="-1" data-thread-perm-id="thread-f:${threadId}" data-legacy-thread-id="${threadId}">${escapeHtml(subject)}</h2>
<div class="J-J5-Ji"><div class="ar as"><div class="at" title="Inbox">Inbox</div></div></div></div></div>
<div class="nH aHU"><div role="list">${messages.join('\n')}</div></div></div>`;
  return { html, addresses };
}

/** One row of the inbox list, as heavy as Gmail's: checkbox, star, importance, senders, labels, snippet, attachments, date, hover actions. */
export function listRow(random: Random, from: Person[], threadId: string): string {
  const senders = from.map((sender) => person('zF', sender)).join(', ');
  const action = (label: string) => `<li class="bqX" data-tooltip="${label}" aria-label="${label}"></li>`;
  return `<tr class="zA ${random() < 0.3 ? 'zE' : 'yO'}" role="row" draggable="true"><td class="PF xY PE"></td>
<td class="oZ-x3 xY" role="gridcell"><div class="oZ-jc T-Jo J-J5-Ji" role="checkbox" aria-checked="false" tabindex="-1"><div class="T-Jo-auh"></div></div></td>
<td class="apU xY"><span class="aXw T-KT" role="button" aria-label="Not starred" title="Not starred"><img class="T-KT-Jp" alt=""></span></td>
<td class="WA xY"><div class="pG" role="switch" aria-checked="false" aria-label="Not important"><div class="T-ays-a45"><span class="aol">Not important</span></div></div></td>
<td class="yX xY" role="gridcell"><div class="afn">${sentence(random, 4)}</div><div class="yW"><span class="bA4">${senders}</span> <span class="bx0">${1 + Math.floor(random() * 9)}</span></div></td>
<td class="xY a4W" role="gridcell"><div class="a4X"><div class="xS" role="link"><div class="xT"><div class="yi"><div class="ar as"><div class="at"><div class="au"><div class="av">${sentence(random, 1)}</div></div></div></div></div>
<div class="y6"><span class="bog"><span data-thread-id="#thread-f:${threadId}" data-legacy-thread-id="${threadId}">${sentence(random, 5)}</span></span></div><span class="y2"> - ${sentence(random, 12)}</span></div></div></div>
<div class="brd"><div class="brc" role="link"><div class="brg"><img class="brf" alt=""><span class="brh">${sentence(random, 1)}.pdf</span></div></div></div></td>
<td class="yf xY"><img class="yE" alt=""></td><td class="xW xY" role="gridcell"><span title="${date(random)}">${date(random).slice(0, 6)}</span></td>
<td class="bq4 xY"><ul class="bqY" role="toolbar">${action('Archive')}${action('Delete')}${action('Mark as read')}${action('Snooze')}</ul></td></tr>`;
}

function labels(random: Random): string {
  const names = ['Inbox', 'Starred', 'Snoozed', 'Important', 'Sent', 'Drafts', 'Scheduled', 'All Mail', 'Spam', 'Trash'];
  const items = [...names, ...Array.from({ length: 50 }, (_, n) => `${pick(random, WORDS)} ${n}`)].map(
    (name, n) =>
      `<div class="aim${n === 0 ? ' ain' : ''}"><div class="TO" data-tooltip="${escapeHtml(name)}"><div class="TN"><div class="qj"></div>` +
      `<div class="aio"><span class="nU"><a class="J-Ke n0" href="#label/${n}" aria-label="${escapeHtml(name)} ${n % 7} unread">${escapeHtml(name)}</a></span></div>` +
      `<div class="bsU">${n % 7 || ''}</div></div></div></div>`,
  );
  return `<div class="aeN" role="navigation" aria-label="Labels"><div class="T-I T-I-KE L3" role="button" tabindex="0" gh="cm">Compose</div><div class="TK">${items.join('')}</div></div>`;
}

/** The chat roster beside the mail: each contact with an avatar and a presence dot the script toggles. */
function roster(random: Random, people: Person[]): string {
  const items = people.map(
    (contact, n) =>
      `<div class="roster-item" role="listitem" data-roster="${n}"><div class="roster-avatar"><img class="ajn" alt="" data-hovercard-id="${escapeHtml(contact.email)}">` +
      `<span class="presence${random() < 0.4 ? ' presence-on' : ''}"></span></div><div class="roster-name"><span>${escapeHtml(contact.name)}</span></div>` +
      `<div class="roster-status">${sentence(random, 2)}</div></div>`,
  );
  return `<div class="roster" role="complementary" aria-label="Chat"><div role="list">${items.join('')}</div></div>`;
}

/** Menus Gmail keeps in the page, closed. */
function menus(random: Random): string {
  return times(25, (menu) =>
    `<div class="J-M" role="menu" style="display: none" data-menu="${menu}">${times(30, () =>
      `<div class="J-N" role="menuitem"><div class="J-N-Jz"><div class="J-N-JX"></div><span>${sentence(random, 2)}</span></div></div>`)}</div>`,
  );
}

/**
 * A stylesheet the size of Gmail's: rules over the classes on the page and many others, simple and
 * compound, descendant, attribute and :hover selectors, none hiding anything.
 */
function stylesheet(random: Random, html: string): string {
  const layout = `body{margin:0;font:14px Roboto,Arial,sans-serif;background:#f6f8fc}.aeN{position:fixed;left:0;top:64px;width:240px;overflow:hidden;height:calc(100vh - 64px)}
.AO{margin-left:256px;margin-right:260px}.roster{position:fixed;right:0;top:64px;width:250px;height:calc(100vh - 64px);overflow:hidden}
.presence{display:inline-block;width:8px;height:8px;border-radius:4px;background:#ccc}.presence-on{background:#1e8e3e}
.churn-progress{position:fixed;top:0;left:0;right:0;height:3px}.churn-progress>div{height:3px;background:#1a73e8}
.hovercard{position:fixed;width:360px;background:#fff;box-shadow:0 2px 6px #0004;border-radius:8px}[role="tooltip"]{position:fixed;background:#444;color:#fff;padding:4px 8px}`;
  return `${layout}\n${generatedRules(random, html)}`;
}

/** 4,000 rules over the classes of `html` and 800 others, none hiding anything: a web mail's stylesheet. */
export function generatedRules(random: Random, html: string): string {
  const used = [...new Set([...html.matchAll(/class="([^"]+)"/g)].flatMap((match) => match[1]!.split(' ')))].filter(Boolean);
  const classes = [...used, ...Array.from({ length: 800 }, (_, n) => `z${n.toString(36)}`)];
  const cls = () => `.${pick(random, classes)}`;
  const shapes = [
    () => cls(),
    () => `${cls()} ${cls()}`,
    () => `${cls()}${cls()}`,
    () => `${cls()}:hover ${cls()}`,
    () => `[role="${pick(random, ['button', 'listitem', 'gridcell', 'row', 'menuitem', 'link'])}"]${cls()}`,
    () => `${cls()} > ${cls()}`,
  ];
  const declarations = ['color:#1f1f1f', 'color:#5e5e5e', 'background-color:#f6f8fc', 'padding:0 4px', 'margin:0 2px', 'border-radius:8px',
    'font-weight:500', 'letter-spacing:.2px', 'line-height:20px', 'text-decoration:none', 'vertical-align:middle', 'white-space:nowrap'];
  return Array.from({ length: 4000 }, () => `${pick(random, shapes)()}{${pick(random, declarations)};${pick(random, declarations)}}`).join('\n');
}

export interface ChurnPageOptions {
  seed: number;
  /** People for the threads (the first is the rep: "me" in every message), the list and the roster. */
  people: Person[];
}

export interface ChurnPage {
  html: string;
  /** The view of the thread the page navigates to, as its script puts it in. */
  nextThread: string;
  /** The new thread's addresses that the first thread showed too: their data is in the tab already. */
  knownBeforeNavigation: number;
}

/** The page's HTML; its script starts mutating when the benchmark calls window.churn.run(). */
export function gmailChurnPage({ seed, people }: ChurnPageOptions): ChurnPage {
  const random = mulberry32(seed);
  const [rep, ...others] = people;
  // The open thread's people, and the next thread's: the rep and a few of the first thread's come back.
  const first = [rep!, ...others.slice(0, 30)];
  const next = [rep!, ...others.slice(25, 30), ...others.slice(30, 55)];
  const listPeople = others.slice(55);
  const row = () => listRow(random, Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, listPeople)), `19${Math.floor(random() * 1e14)}`);
  const firstThread = threadView(random, '19churn0000thread01', 'Re: 導入のご相談', first, BODY_ROWS);
  const nextThread = threadView(random, '19churn0000thread02', 'Re: 次期契約のご相談', next, BODY_ROWS);
  const config: ChurnConfig = {
    seed,
    listRows: Array.from({ length: 80 }, row),
    people: listPeople.map(({ email, name }) => ({ email, name })),
    nextThread: { url: NEXT_THREAD_URL, html: nextThread.html },
  };
  const body = `<div class="nH" id=":1">
<header class="gb_Ua gb_Zd" role="banner"><div class="gb_Kc"><div class="gb_Ec" aria-label="Main menu" role="button" tabindex="0">≡</div><a class="gb_Ad" href="#inbox" title="Gmail">Gmail</a></div>
<form class="gb_je" role="search" aria-label="Search mail"><input class="gb_ue" aria-label="Search mail" name="q"></form>
<div class="gb_Ld"><a class="gb_B" aria-label="Google Account: ${escapeHtml(rep!.name)} (${escapeHtml(rep!.email)})" href="#" role="button">R</a></div></header>
${labels(random)}
<div class="AO"><div class="nH" role="main"><div class="aeF">
<div class="nH" style="display: none"><div class="Cp"><table class="F cf zt" role="grid" aria-readonly="true"><tbody class="churn-list">${config.listRows.slice(0, 50).join('')}</tbody></table></div></div>
<div class="nH churn-thread"><div class="G-atb" gh="mtb">${['Back to Inbox', 'Archive', 'Report spam', 'Delete', 'Mark as unread', 'Snooze', 'Move to', 'Labels', 'More'].map(
    (label) => `<div class="T-I J-J5-Ji T-I-ax7" role="button" aria-label="${label}" data-tooltip="${label}"><div class="asa"><div class="ar9 T-I-J3"></div></div></div>`,
  ).join('')}</div>
${firstThread.html}</div>
</div></div></div>
${roster(random, others.slice(0, 200))}
${menus(random)}
<div class="churn-progress" role="progressbar" aria-label="Loading"><div style="width: 0%"></div></div>
<div class="vh" aria-live="polite" aria-atomic="true"></div>
</div>`;
  const html = `<!doctype html>
<html lang="en" class="aAX"><head><meta charset="utf-8"><title>Inbox (3) - ${escapeHtml(rep!.email)} - Gmail</title>
<style>${stylesheet(random, body)}</style></head>
<body>
${body}
<script>${churnPageScript(config, gmailChurnOps)}</script>
</body></html>`;
  const shown = new Set(firstThread.addresses);
  return { html, nextThread: nextThread.html, knownBeforeNavigation: nextThread.addresses.filter((email) => shown.has(email)).length };
}
