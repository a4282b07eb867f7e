// An Outlook-sized page for the churn benchmark, generated from a seed, beside Gmail's (gmail-churn.ts):
// the header with its search box and notifications, the app rail, the ribbon, the folder pane, the
// message list of 50 rows (most with their sender's address, as Outlook shows people outside the rep's
// organisation) and the reading pane with a conversation of 10 messages, 6 expanded with their From, To
// and Cc where Outlook puts them (lib/pages/outlook.ts), persona buttons with presence badges, and a
// stylesheet of 4,000 rules; about 14,500 elements and 22,600 nodes. Its script (outlook-churn-script.ts) mutates it as
// Outlook does all day. The markup follows the saved pages in test/fixtures/pages/outlook (each names
// its public sources: ids MSG_<id>_FROM/_TO/_CC/_DATETIME, lpcCommonWeb-hoverTarget persona buttons,
// span[title] with the address, [role=option][data-convid] rows, #MainModule, #ReadingPaneContainerId,
// [id^=UniqueMessageBody_][role=document] with Outlook's x_ prefixes), at the size of a real mailbox.
import { mulberry32 } from '../../lib/sources/demo/random';
import { churnPageScript, type ChurnConfig } from './churn-script';
import { date, escapeHtml, generatedRules, pick, sentence, times, type Person, type Random } from './gmail-churn';
import { outlookChurnOps } from './outlook-churn-script';

const ITEM = 'AAQkADAwATM0MDAAMS1hNjQ5LTgwZTMtMDACLTAwCgAQA';
export const OUTLOOK_CHURN_URL = `https://outlook.office.com/mail/inbox/id/${ITEM}Q2h1cm4wMDAx`;
export const OUTLOOK_NEXT_URL = `https://outlook.office.com/mail/inbox/id/${ITEM}Q2h1cm4wMDAy`;
/** Addresses LeadLens reads in each conversation: 6 expanded messages, each a sender, 3 To and 2 Cc (the rep has none). */
export const CONVERSATION_ADDRESSES = 36;
const MESSAGES = 10;
const COLLAPSED = 4;
const TO = 3;
const CC = 2;
/** Rows of layout table in each expanded message's body: what brings the page to Outlook's size. */
const BODY_ROWS = 300;
/** Rows the list holds in view (Outlook's virtual list keeps about this many in the DOM). */
const LIST_ROWS = 50;

let lpc = 0;
const initials = (name: string) => escapeHtml([...name].filter((char) => /\p{Lu}|\p{Script=Han}/u.test(char)).slice(0, 2).join(''));
/** A person's avatar: a persona button (opens their card), with a presence badge. */
const avatar = (random: Random, name: string) =>
  `<span class="lpcCommonWeb-hoverTarget" role="button" tabindex="0" aria-haspopup="dialog" aria-label="Opens card for ${escapeHtml(name)}" data-lpc-hover-target-id="lpc-react-target-${lpc++}">` +
  `<span role="img" aria-label="${escapeHtml(name)}" class="fui-Avatar"><span class="fui-Avatar__initials" aria-hidden="true">${initials(name)}</span>` +
  `<span role="img" class="fui-PresenceBadge" aria-label="${pick(random, ['Available', 'Away', 'Busy', 'Offline'])}"></span></span></span>`;
/** A person in a header line: a persona button whose name carries the address in its title (none for the rep's colleagues). */
const persona = (className: string, { email, name }: Person, withAddress: boolean) =>
  `<span class="lpcCommonWeb-hoverTarget" role="button" tabindex="0" aria-haspopup="dialog" aria-label="${escapeHtml(name)}" data-lpc-hover-target-id="lpc-react-target-${lpc++}">` +
  `<span class="${className}"${withAddress ? ` title="${escapeHtml(email)}"` : ''}>${escapeHtml(name)}</span></span>`;

/** An HTML mail as Outlook shows it: the sender's markup with its ids and classes prefixed x_, nested layout tables, the quoted mail. */
function messageBody(random: Random, id: string, sender: Person): string {
  const rows = times(BODY_ROWS, () =>
    `<tr><td class="x_cell" style="padding:4px 8px"><p class="x_MsoNormal"><span lang="JA">${sentence(random, 3)}</span> <span style="color:#595959">${sentence(random, 4)}</span></p></td>` +
    `<td class="x_cell" align="right"><a href="https://example.com/${Math.floor(random() * 1e6)}" target="_blank" rel="noopener noreferrer" data-auth="NotApplicable">${sentence(random, 1)}</a></td></tr>`,
  );
  return `<div id="UniqueMessageBody_${id}" role="document" tabindex="-1" aria-label="Message body" class="XbIp4 jmmB7 GNqVo yxtKT allowTextSelection"><div class="rps_${id.slice(-4)}"><div>
${times(3, () => `<div class="x_elementToProof" style="font-family:Aptos,Calibri,sans-serif;font-size:12pt">${sentence(random, 16)}</div>`)}
<table class="x_MsoNormalTable" role="presentation" border="0" cellspacing="0" cellpadding="0" width="100%"><tbody>${rows}</tbody></table>
<div id="x_Signature"><div class="x_elementToProof"><b>${escapeHtml(sender.name)}</b><br>${sentence(random, 3)}</div></div>
<hr tabindex="-1" style="display:inline-block;width:98%"><div id="x_divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt"><b>From:</b> ${escapeHtml(sender.name)} &lt;${escapeHtml(sender.email)}&gt;<br><b>Sent:</b> ${date(random)}</font></div>
<div class="x_elementToProof">${sentence(random, 20)}</div></div></div></div>`;
}

function collapsedMessage(random: Random, sender: Person): string {
  return `<div class="aVla3"><div aria-expanded="false" tabindex="0" role="button" aria-label="${escapeHtml(sender.name)} ${date(random)}">
${avatar(random, sender.name)}<span class="OZZZK">${escapeHtml(sender.name)}</span> <span class="jmmB7 Ts94W allowTextSelection">${sentence(random, 10)}</span> <span class="_rWRU">${date(random)}</span></div></div>`;
}

function expandedMessage(random: Random, id: string, rep: Person, sender: Person, to: Person[], cc: Person[]): string {
  const line = (kind: 'TO' | 'CC', people: Person[]) =>
    `<div id="MSG_${id}_${kind}" role="heading" aria-level="3" aria-label="${kind === 'TO' ? 'To' : 'Cc'}: ${escapeHtml(people.map((p) => p.name).join('; '))}">${kind === 'TO' ? 'To' : 'Cc'}:&nbsp;` +
    people.map((person) => persona('pU1YL', person, person !== rep)).join('; ') + '</div>';
  const action = (label: string, icon: string) => `<button type="button" role="menuitem" aria-label="${label}"><i data-icon-name="${icon}"></i></button>`;
  return `<div class="aVla3"><div aria-expanded="true" tabindex="-1"><div aria-label="Email message" role="region">
${avatar(random, sender.name)}
<div id="MSG_${id}_FROM" role="heading" aria-level="3">${persona('OZZZK', sender, true)}</div>
<div role="toolbar" aria-label="Message actions" class="ms-OverflowSet">${action('Reply', 'ArrowReplyRegular')}${action('Reply all', 'ArrowReplyAllRegular')}${action('Forward', 'ArrowForwardRegular')}${action('More items', 'MoreVerticalRegular')}</div>
<div data-testid="RecipientWell">${line('TO', [rep, ...to])}${line('CC', cc)}</div>
<div id="MSG_${id}_DATETIME" data-testid="SentReceivedSavedTime" role="heading" aria-level="3">${date(random)}</div>
<div class="wide-content-host">${messageBody(random, id, sender)}</div>
<div role="toolbar" aria-label="Quick actions" class="th6py">${['Reply', 'Reply all', 'Forward'].map((label) => `<button type="button" class="fui-Button" role="menuitem">${label}</button>`).join('')}</div>
</div></div></div>`;
}

/** A conversation in the reading pane, newest first: 6 expanded messages after 4 collapsed ones. */
export function conversationView(random: Random, conversationId: string, subject: string, rep: Person, people: Person[]): string {
  const messages = Array.from({ length: MESSAGES }, (_, n) => {
    const sender = pick(random, people);
    if (n >= MESSAGES - COLLAPSED) return collapsedMessage(random, sender);
    const others = () => pick(random, people);
    return expandedMessage(random, `${conversationId}${n}`, rep, sender, Array.from({ length: TO }, others), Array.from({ length: CC }, others));
  });
  return `<div id="ConversationReadingPaneContainer" data-churn-conversation="${conversationId}">
<div id="CONV_${conversationId}_SUBJECT" role="heading" aria-level="3" class="allowTextSelection"><span title="${escapeHtml(subject)}">${escapeHtml(subject)}</span></div>
<div data-app-section="ConversationContainer">${messages.join('\n')}</div></div>`;
}

/** One row of the message list; a colleague in the rep's organisation shows no address. */
export function listRow(random: Random, sender: Person, colleague: boolean): string {
  const convId = `${ITEM}${Math.floor(random() * 1e12).toString(36)}`;
  const subject = sentence(random, 5);
  const hover = (label: string, icon: string) => `<button type="button" aria-label="${label}" title="${label}"><i data-icon-name="${icon}"></i></button>`;
  return `<div id="${convId.slice(-12)}" role="option" aria-selected="false" data-convid="${convId}" data-focusable-row="true" tabindex="-1" aria-label="${escapeHtml(sender.name)} ${subject}">
${avatar(random, sender.name)}<div><div><span class="OZZZK"${colleague ? '' : ` title="${escapeHtml(sender.email)}"`}>${escapeHtml(sender.name)}</span></div>
<div><span class="TtcXM" title="${subject}">${subject}</span> <span class="_rWRU" title="${date(random)}">${date(random).slice(0, 6)}</span></div><div><span class="FqgPc">${sentence(random, 12)}</span></div></div>
<div role="checkbox" aria-checked="false" aria-label="Select a message" tabindex="-1"></div><div class="hoverActions">${hover('Delete', 'DeleteRegular')}${hover('Archive', 'ArchiveRegular')}${hover('Mark as unread', 'MailUnreadRegular')}${hover('Flag this message', 'FlagRegular')}${hover('Pin', 'PinRegular')}</div></div>`;
}

function folderPane(random: Random, rep: Person): string {
  const folders = ['Inbox', 'Drafts', 'Sent Items', 'Deleted Items', 'Junk Email', 'Archive', 'Conversation History', 'RSS Feeds', ...Array.from({ length: 40 }, (_, n) => `${sentence(random, 1)} ${n}`)];
  const items = folders.map((name, n) => `<div role="treeitem" aria-level="2" aria-selected="${n === 0}" data-folder-name="${escapeHtml(name.toLowerCase())}" title="${escapeHtml(name)}"><span>${escapeHtml(name)}</span> <span class="unreadCount" aria-label="${n % 5} unread">${n % 5 || ''}</span></div>`);
  return `<div id="folderPaneDroppableContainer" role="region" aria-label="Navigation pane"><div role="tree" aria-label="Folders">
<div role="treeitem" id="primaryMailboxRoot_${escapeHtml(rep.email)}" data-folder-name="${escapeHtml(rep.email)}" title="${escapeHtml(rep.email)}" aria-level="1" aria-expanded="true"><span>${escapeHtml(rep.name)}</span></div>${items.join('')}</div></div>`;
}

const LAYOUT = `body{margin:0;font:14px 'Segoe UI',sans-serif;background:#f5f5f5;color:#242424}#O365_NavHeader{height:48px;display:flex;align-items:center;gap:12px;padding:0 12px;background:#0f6cbd;color:#fff}
.appShell{display:grid;grid-template-columns:48px 1fr;height:calc(100vh - 48px)}#MainModule{display:grid;grid-template-columns:220px 360px 1fr;grid-template-rows:44px 1fr;overflow:hidden}
[role="region"][aria-label="Ribbon"]{grid-column:1/4;display:flex;gap:8px}#folderPaneDroppableContainer,#MailList,#ReadingPaneContainerId{overflow:auto}
[role="option"]{display:flex;gap:8px;padding:8px 12px}.fui-Avatar{display:inline-flex;width:32px;height:32px;border-radius:50%;background:#cfe4fa;position:relative}
.fui-PresenceBadge{position:absolute;right:0;bottom:0;width:10px;height:10px;border-radius:5px;background:#ccc}.fui-PresenceBadge[aria-label="Available"]{background:#13a10e}
.lpc-card,.fui-Toast,[role="tooltip"],.search-suggestions{position:fixed;background:#fff;box-shadow:0 2px 6px #0004;border-radius:6px}`;

export interface OutlookChurnPage {
  html: string;
  /** Addresses LeadLens reads once the page has loaded: the list's people with an address, and the conversation's. */
  addressesOnLoad: number;
  /** The new conversation's addresses that the first page showed too: their data is in the tab already. */
  knownBeforeNavigation: number;
}

/** The page's HTML; its script starts mutating when the benchmark calls window.churn.run(). */
export function outlookChurnPage({ seed, people }: { seed: number; people: Person[] }): OutlookChurnPage {
  const random = mulberry32(seed);
  lpc = 0;
  const [rep, ...others] = people;
  const first = others.slice(0, 30);
  const next = [...others.slice(25, 30), ...others.slice(30, 55)];
  const listPeople = others.slice(55);
  const rowPeople = Array.from({ length: 80 }, () => ({ sender: pick(random, listPeople), colleague: random() < 0.2 }));
  const listRows = rowPeople.map(({ sender, colleague }) => listRow(random, sender, colleague));
  const config: ChurnConfig = {
    seed,
    listRows,
    people: listPeople.map(({ email, name }) => ({ email, name })),
    nextThread: { url: OUTLOOK_NEXT_URL, html: conversationView(random, '19churn02', 'Re: 次期契約のご相談', rep!, next) },
  };
  const ribbon = ['New mail', 'Delete', 'Archive', 'Report', 'Sweep', 'Move to', 'Reply', 'Reply all', 'Forward', 'Read / Unread', 'Categorize', 'Flag / Unflag', 'Pin', 'Snooze', 'Policy', 'Print', 'Translate', 'Immersive reader', 'Apps', 'More options']
    .map((label) => `<div class="ms-OverflowSet-item"><button type="button" class="fui-Button ms-Button" aria-label="${label}"><span class="textContainer">${label}</span></button></div>`).join('');
  const body = `<div class="fui-FluentProvider fui-FluentProviderr0" dir="ltr">
<div id="O365_NavHeader" role="banner" aria-label="Outlook"><button type="button" id="O365_MainLink_NavMenu" aria-label="App launcher">⋮⋮⋮</button><a id="O365_AppName" href="https://outlook.office.com/mail/" aria-label="Outlook">Outlook</a>
<div role="search"><input id="topSearchInput" role="combobox" aria-expanded="false" aria-controls="searchSuggestionsList" aria-label="Search for email, meetings, files and more." placeholder="Search" autocomplete="off"></div>
<button type="button" id="O365_MainLink_Bell" aria-label="Notifications"><span class="notificationCount">2</span></button>
<button type="button" id="O365_MainLink_Me" aria-label="Account manager for ${escapeHtml(rep!.name)}">${avatar(random, rep!.name)}</button></div>
<div class="appShell"><div id="LeftRail"><nav aria-label="left-rail-appbar">${['Mail', 'Calendar', 'People', 'Groups', 'To Do', 'Teams', 'OneDrive', 'Apps'].map((app) => `<button type="button" aria-label="${app}"><i data-icon-name="${app.replace(/\W/g, '')}Regular"></i></button>`).join('')}</nav></div>
<div id="MainModule"><div role="region" aria-label="Ribbon"><div role="tablist"><button role="tab" aria-selected="true">Home</button><button role="tab" aria-selected="false">View</button><button role="tab" aria-selected="false">Help</button></div>
<div id="innerRibbonContainer"><div class="ms-OverflowSet" role="toolbar" aria-label="Home">${ribbon}</div></div></div>
${folderPane(random, rep!)}
<div id="MailList"><div role="tablist" aria-label="Focused and Other"><button role="tab" aria-selected="true">Focused</button><button role="tab" aria-selected="false">Other</button></div>
<div role="listbox" aria-label="Message list" aria-multiselectable="true" tabindex="0">${listRows.slice(0, LIST_ROWS).join('')}</div></div>
<div id="ReadingPaneContainerId" role="main" aria-label="Reading Pane" class="customScrollBar">${conversationView(random, '19churn01', 'Re: 導入のご相談', rep!, first)}</div>
</div></div>
<div id="searchSuggestionsList" class="search-suggestions" role="listbox" aria-label="Suggestions" hidden></div>
<div class="vh" aria-live="polite" aria-atomic="true"></div><div id="fluent-default-layer-host"></div></div>`;
  const html = `<!doctype html>
<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Mail - ${escapeHtml(rep!.name)} - Outlook</title>
<style>${LAYOUT}\n${generatedRules(random, body)}</style></head>
<body>
${body}
<script>${churnPageScript(config, outlookChurnOps)}</script>
</body></html>`;
  const listAddresses = rowPeople.slice(0, LIST_ROWS).filter(({ colleague }) => !colleague).length;
  const shown = new Set([...first, ...rowPeople.slice(0, LIST_ROWS).map(({ sender }) => sender)].map(({ email }) => email));
  const nextEmails = [...config.nextThread.html.matchAll(/id="MSG_[^"]+_(?:FROM|TO|CC)"[^]*?<\/div>/g)].flatMap(([line]) => [...line.matchAll(/title="([^"]+@[^"]+)"/g)].map((match) => match[1]!));
  return { html, addressesOnLoad: listAddresses + CONVERSATION_ADDRESSES, knownBeforeNavigation: nextEmails.filter((email) => shown.has(email)).length };
}
