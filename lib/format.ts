// Durations and ages in the short forms the card and the popup show.
import type { SlaStatus } from './sla';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "45m", "2h 05m", "3d 4h": the largest two units, at least a minute. */
export function formatDuration(ms: number): string {
  const total = Math.max(1, Math.round(Math.abs(ms) / MINUTE)) * MINUTE;
  const days = Math.floor(total / DAY);
  const hours = Math.floor((total % DAY) / HOUR);
  const minutes = Math.floor((total % HOUR) / MINUTE);
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, '0')}m`;
  return `${minutes}m`;
}

/** "just now", "3 min ago", "2 h ago", "5 d ago". */
export function formatAge(ms: number): string {
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)} min ago`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)} h ago`;
  return `${Math.floor(ms / DAY)} d ago`;
}

export const SLA_STATE_LABELS: Record<SlaStatus['state'], string> = {
  overdue: 'Overdue',
  due_soon: 'Due soon',
  on_track: 'On track',
  met: 'Met',
  missed: 'Missed',
};

/** "Overdue by 2h 05m", "Due in 45m", "Met". */
export function describeSla(status: SlaStatus): string {
  switch (status.state) {
    case 'overdue':
      return `Overdue by ${formatDuration(status.msLeft)}`;
    case 'due_soon':
    case 'on_track':
      return `Due in ${formatDuration(status.msLeft)}`;
    default:
      return SLA_STATE_LABELS[status.state];
  }
}
