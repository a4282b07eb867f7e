// The toolbar button: the badge the background works out (lib/background/badge.ts), put on screen.
import type { browser } from 'wxt/browser';
import { BADGE_ALARM } from '../../lib/background/app';
import type { BadgeState } from '../../lib/background/badge';

export async function showBadge({ action, alarms }: Pick<typeof browser, 'action' | 'alarms'>, badge: BadgeState): Promise<void> {
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
  ]);
  // The count changes with the clock alone: the background wakes up to redraw it then.
  if (badge.nextChangeAt === null) await alarms.clear(BADGE_ALARM);
  else await alarms.create(BADGE_ALARM, { when: badge.nextChangeAt });
}
