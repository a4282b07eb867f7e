// Outlook's churn (outlook-churn.ts's page, run by churn-script.ts): the kinds of change Outlook on the
// web makes all day, and how often: timestamps in the list and the reading pane, persona cards over a
// person, tooltips, presence badges changing (their aria-label: an attribute LeadLens watches for
// addresses), toasts and the notification count, the search box with its suggestions, unread counts in
// the folder pane, aria-live text, and the virtual message list recycling rows as it scrolls; the whole
// list re-rendered every 2 s, as its virtualisation does. Self-contained: its source goes into the page.
import type { ChurnConfig, ChurnTools, PageChurn } from './churn-script';

export function outlookChurnOps(config: ChurnConfig, { random, pick, $, $$, layerIn, layerOut }: ChurnTools): PageChurn {
  let listOffset = 0;
  let notifications = 2;
  const list = () => $('#MailList [role="listbox"]');
  const timestamp = () => {
    const stamp = pick($$('#MailList ._rWRU, [id$="_DATETIME"]'));
    stamp.textContent = `${1 + Math.floor(random() * 59)} min ago`;
    if (stamp.hasAttribute('title')) stamp.setAttribute('title', new Date(Date.now() - random() * 3_600_000).toString());
  };
  const personaCardIn = () =>
    layerIn('persona', (card) => {
      const { email, name } = pick(config.people);
      card.className = 'ms-Callout lpc-card';
      card.setAttribute('role', 'dialog');
      card.setAttribute('aria-label', `Contact card for ${name}`);
      Object.assign(card.style, { left: `${Math.floor(random() * 700)}px`, top: `${Math.floor(random() * 400)}px`, width: '340px' });
      card.innerHTML =
        `<div class="lpc-header"><span class="fui-Avatar" role="img" aria-label="${name}"></span><div><div class="lpc-name">${name}</div><div class="lpc-title">Sales</div></div></div>` +
        `<ul class="lpc-actions">${['Send email', 'Chat', 'Call', 'Schedule a meeting', 'Show more'].map((label) => `<li><button type="button" aria-label="${label}">${label}</button></li>`).join('')}</ul>` +
        `<div class="lpc-contact"><span>Email</span><a href="mailto:${email}">${email}</a></div>`;
    });
  const tooltipIn = () =>
    layerIn('tooltip', (tip) => {
      tip.setAttribute('role', 'tooltip');
      tip.className = 'fui-Tooltip';
      tip.textContent = pick(['Delete', 'Archive', 'Flag this message', 'Pin', 'Mark as unread']);
    });
  const presence = () => pick($$('.fui-PresenceBadge')).setAttribute('aria-label', pick(['Available', 'Away', 'Busy', 'Do not disturb', 'Offline']));
  const toastIn = () =>
    layerIn('toast', (toast) => {
      toast.className = 'fui-Toast';
      toast.setAttribute('role', 'status');
      toast.innerHTML = `<div class="fui-ToastTitle">${pick(config.people).name}</div><div class="fui-ToastBody">${pick(['New message', 'Meeting in 15 minutes', 'Reply received'])}</div>`;
    });
  const notificationCount = () => {
    notifications = Math.max(0, notifications + (random() < 0.5 ? -1 : 1));
    $('#O365_MainLink_Bell .notificationCount').textContent = notifications ? String(notifications) : '';
  };
  const search = () => {
    const box = $('#topSearchInput') as HTMLInputElement;
    const suggestions = $('#searchSuggestionsList') as HTMLElement;
    const open = random() < 0.6;
    box.value = open ? pick(config.people).name.slice(0, 1 + Math.floor(random() * 6)) : '';
    box.setAttribute('aria-expanded', String(open));
    suggestions.hidden = !open;
    suggestions.innerHTML = open
      ? Array.from({ length: 6 }, () => pick(config.people)).map(({ name, email }) => `<div role="option"><span class="name">${name}</span> <span class="secondary">${email}</span></div>`).join('')
      : '';
  };
  const unreadCount = () => {
    const count = pick($$('.unreadCount'));
    const unread = Math.floor(random() * 9);
    count.textContent = unread ? String(unread) : '';
    count.setAttribute('aria-label', `${unread} unread`);
  };
  const announce = () => ($('[aria-live]').textContent = pick(['Message moved to Archive.', 'Message deleted.', 'Loading…', 'Undo', '']));
  /** The virtual list scrolls by a row: the row leaving the top is dropped, the next is appended. */
  const recycleRow = () => {
    listOffset = (listOffset + 1) % config.listRows.length;
    list().firstElementChild?.remove();
    list().insertAdjacentHTML('beforeend', config.listRows[(listOffset + 49) % config.listRows.length]!);
  };
  const renderList = () => {
    listOffset = (listOffset + 1 + Math.floor(random() * 5)) % config.listRows.length;
    list().innerHTML = Array.from({ length: 50 }, (_, n) => config.listRows[(listOffset + n) % config.listRows.length]).join('');
  };
  return {
    // How often each kind comes, per second.
    perSecond: [
      [timestamp, 12], [personaCardIn, 2], [() => layerOut('persona'), 2], [tooltipIn, 6], [() => layerOut('tooltip'), 6], [presence, 12],
      [toastIn, 1], [() => layerOut('toast'), 1], [notificationCount, 2], [search, 4], [unreadCount, 8], [announce, 4], [recycleRow, 4],
    ],
    renderList,
    view: '#ConversationReadingPaneContainer',
  };
}
