// @vitest-environment happy-dom
import { DateTime } from 'luxon';
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HandoffQueue, type QueueFilter } from '../../components/HandoffQueue';
import { DEFAULT_SETTINGS } from '../../lib/domain/default-settings';
import { makeHandoff } from '../fixtures/factories';

const tokyo = (iso: string) => DateTime.fromISO(iso, { zone: 'Asia/Tokyo' }).toMillis();
const NOW = tokyo('2026-11-26T10:00'); // a Thursday, working day in Tokyo

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

function shown(filter: QueueFilter): string[] {
  container = document.createElement('div');
  document.body.append(container);
  const entries = [
    makeHandoff(1, { firstContactDueAt: tokyo('2026-11-26T09:00') }), // overdue
    makeHandoff(2, { firstContactDueAt: tokyo('2026-11-26T23:59') }), // later today in Tokyo
    makeHandoff(3, { firstContactDueAt: tokyo('2026-11-27T00:00') }), // tomorrow in Tokyo, though still 26 November in UTC
  ].map((handoff) => ({ handoff, lead: null }));
  render(
    <HandoffQueue
      entries={entries}
      calendar={DEFAULT_SETTINGS.calendar}
      policy={DEFAULT_SETTINGS.slaPolicy}
      now={NOW}
      filter={filter}
      reasons={[]}
      onAction={async () => {}}
    />,
    container,
  );
  return [...container.querySelectorAll('.handoff-name')].map((name) => name.textContent ?? '');
}

describe('HandoffQueue filters', () => {
  it("keeps to today in the calendar's time zone for 'due today', overdue included", () => {
    expect(shown('due_today')).toEqual(['lead1@acme.example.com', 'lead2@acme.example.com']);
  });

  it("shows only what is past its deadline for 'overdue', and everything for 'all'", () => {
    expect(shown('overdue')).toEqual(['lead1@acme.example.com']);
    render(null, container);
    container.remove();
    expect(shown('all')).toHaveLength(3);
  });
});
