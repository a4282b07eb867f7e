// Gmail's churn (gmail-churn.ts's page, run by churn-script.ts): the kinds of change Gmail makes all
// day, and how often: timestamps, hover cards, tooltips, presence dots in the chat roster, the
// progress bar, aria-live text, unread counts on labels; the hidden inbox list re-rendered. Self-
// contained: its source is put in the page as it is.
import type { ChurnConfig, ChurnTools, PageChurn } from './churn-script';

export type { ChurnConfig, ChurnStats, NavigationStats } from './churn-script';
export { churnPageScript } from './churn-script';

export function gmailChurnOps(config: ChurnConfig, { random, pick, $, $$, layerIn, layerOut }: ChurnTools): PageChurn {
  let listOffset = 0;
  let unread = 3;
  const timestamp = () => {
    const stamp = pick($$('.churn-thread .g3, .churn-list .xW span'));
    stamp.textContent = `${1 + Math.floor(random() * 59)} minutes ago`;
    stamp.setAttribute('title', new Date(Date.now() - random() * 3_600_000).toString());
  };
  const hovercardIn = () =>
    layerIn('hovercard', (card) => {
      const { email, name } = pick(config.people);
      card.className = 'hovercard';
      card.setAttribute('role', 'dialog');
      card.style.left = `${Math.floor(random() * 600)}px`;
      card.style.top = `${Math.floor(random() * 400)}px`;
      card.innerHTML =
        `<div class="hc-top"><img class="hc-avatar" alt="" data-hovercard-id="${email}"><div class="hc-who"><div class="hc-name">${name}</div>` +
        `<div class="hc-email">${email}</div><div class="hc-org">Sales</div></div></div><div class="hc-actions">` +
        ['Email', 'Chat', 'Video call', 'Schedule', 'Open detailed view'].map((label) => `<div role="button" aria-label="${label}"><span>${label}</span></div>`).join('') +
        '</div>';
    });
  const tooltipIn = () =>
    layerIn('tooltip', (tip) => {
      tip.setAttribute('role', 'tooltip');
      tip.innerHTML = `<div class="T-ays-iP"><span>${pick(['Archive', 'Reply', 'More', 'Snooze', 'Labels'])}</span></div>`;
    });
  const presence = () => pick($$('.presence')).classList.toggle('presence-on');
  const progress = () => (($('.churn-progress > div') as HTMLElement).style.width = `${Math.floor(random() * 100)}%`);
  const announce = () => ($('[aria-live]').textContent = pick(['Conversation archived.', 'Message sent.', 'Loading…', 'Undo', '']));
  const unreadCount = () => {
    unread = Math.max(0, unread + (random() < 0.5 ? -1 : 1));
    const label = pick($$('.aim'));
    label.querySelector('.bsU')!.textContent = unread ? String(unread) : '';
    label.querySelector('a')!.setAttribute('aria-label', `${label.textContent} ${unread} unread`);
    document.title = `Inbox (${unread}) - Gmail`;
  };
  const renderList = () => {
    listOffset = (listOffset + 1 + Math.floor(random() * 5)) % config.listRows.length;
    const rows = Array.from({ length: 50 }, (_, n) => config.listRows[(listOffset + n) % config.listRows.length]).join('');
    $('.churn-list').innerHTML = rows;
  };
  return {
    // How often each kind comes, per second.
    perSecond: [
      [timestamp, 12], [hovercardIn, 2], [() => layerOut('hovercard'), 2], [tooltipIn, 6], [() => layerOut('tooltip'), 6], [presence, 12], [progress, 10], [announce, 4], [unreadCount, 10],
    ],
    renderList,
    view: '.churn-thread .if',
  };
}
