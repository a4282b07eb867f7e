// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OptionsPage } from '../../components/options/OptionsPage';
import { DEFAULT_SETTINGS } from '../../lib/default-settings';
import type { Settings } from '../../lib/model';

let container: HTMLElement;
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(problem?: string) {
  const saved: Settings[] = [];
  container = document.createElement('div');
  document.body.append(container);
  await act(async () =>
    render(
      <OptionsPage load={async () => ({ settings: DEFAULT_SETTINGS, problem })} save={async (settings) => void saved.push(settings)} />,
      container,
    ),
  );
  await vi.waitFor(() => expect(container.querySelector('form')).not.toBeNull());
  return saved;
}

const field = <T extends Element>(selector: string) => container.querySelector<T>(selector)!;
function type(element: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = 'input') {
  act(() => {
    element.value = value;
    element.dispatchEvent(new Event(event, { bubbles: true }));
  });
}
const submit = () => act(async () => field<HTMLButtonElement>('button[type="submit"]').click());

describe('OptionsPage', () => {
  it('edits the business calendar and saves it', async () => {
    const saved = await mount();
    type(field('select'), 'ja', 'change');
    type(field<HTMLSelectElement>('fieldset select'), 'America/New_York', 'change');
    type(field<HTMLSelectElement>('fieldset label:nth-of-type(2) select'), 'US', 'change');
    const saturday = container.querySelectorAll<HTMLInputElement>('.week input[type="checkbox"]')[5]!;
    act(() => saturday.click());
    type(field('input[aria-label="Monday Opens"]'), '08:30');
    type(field('fieldset textarea'), '2026-12-29\n2026-12-30', 'change');
    await submit();
    await vi.waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.language).toBe('ja');
    expect(saved[0]!.calendar).toMatchObject({
      timeZone: 'America/New_York',
      holidayCountry: 'US',
      closedDates: ['2026-12-29', '2026-12-30'],
    });
    expect(saved[0]!.calendar.week[0]).toEqual({ start: '08:30', end: '18:00' });
    expect(saved[0]!.calendar.week[5]).toEqual({ start: '09:00', end: '18:00' });
    expect(field('[role="status"]').textContent).toBe('Settings saved.');
  });

  it('stores nothing and names the field when the input is wrong', async () => {
    const saved = await mount();
    type(field('input[aria-label="Tuesday Closes"]'), '07:00');
    await submit();
    const alert = field('[role="alert"]').textContent!;
    expect(alert).toMatch(/^Not saved: Settings: /);
    expect(alert).toMatch(/calendar\.week\.1: working hours must end after they start/);
    expect(saved).toEqual([]);
  });

  it('says when stored settings were broken and the defaults are in use', async () => {
    await mount('Settings: calendar.timeZone: not an IANA time zone');
    expect(field('[role="alert"]').textContent).toMatch(/could not be read, so the defaults are in use: .*timeZone/);
  });
});
