// The churn benchmark's figures for one site (Gmail, Outlook), from the runs of the four
// configurations: what LeadLens adds to the page, beside what a content script that does nothing adds
// (the floor) and one that only observes the page's mutations as LeadLens does, against the issue's
// budgets: at most 10 % of the page's own main-thread time, no long task and no frame more, every
// chip within 200 ms of a navigation and the first in the first frame, at most 10 ms of script on load.
import type { Configuration } from './configurations';
import { CHURN_BATCHES, COUNT_BATCHES, GMAIL_CHURN, NAVIGATE_AFTER, type ChurnRunResult } from './gmail-churn-run';
import { median, type Measurement } from './stats';

const ms = (value: number) => `${value.toFixed(1)} ms`;
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const range = (values: number[]) => `${Math.min(...values).toFixed(0)}-${Math.max(...values).toFixed(0)}`;

export function churnFigures(results: ChurnRunResult[], knownBeforeNavigation: number, site = GMAIL_CHURN): Measurement[] {
  const { name: app, view } = site;
  const of = (configuration: Configuration) => results.filter((result) => result.configuration === configuration);
  const [none, empty, observer, leadlens] = [of('none'), of('empty'), of('observer'), of('leadlens')];
  const runs = `${leadlens.length} runs of each, interleaved`;
  const task = (runs: ChurnRunResult[]) => median(runs.map((run) => run.churn.taskMs));
  const script = (runs: ChurnRunResult[]) => median(runs.map((run) => run.churn.scriptMs));
  const styleLayout = (runs: ChurnRunResult[]) => median(runs.map((run) => run.churn.styleLayoutMs));
  const own = task(none);
  const added = (runs: ChurnRunResult[]) => (task(runs) - own) / own;
  const floorAdded = added(empty);
  const observerAdded = added(observer);
  const page = none[0]!.stats;
  /** Nominal seconds: 64 batches a second. */
  const seconds = CHURN_BATCHES / 64;
  const countSeconds = COUNT_BATCHES / 64;

  const longTasks = (runs: ChurnRunResult[]) => sum(runs.map((run) => run.stats.longTasks));
  const longTaskMs = (runs: ChurnRunResult[]) => sum(runs.map((run) => run.stats.longTaskMs));
  const missed = (runs: ChurnRunResult[]) => median(runs.map((run) => run.stats.missedFrames));
  const frames = (runs: ChurnRunResult[]) => median(runs.map((run) => run.stats.frames));
  const missedAt = (runs: ChurnRunResult[], at: keyof ChurnRunResult['stats']['missedAt']) => sum(runs.map((run) => run.stats.missedAt[at]));
  const whereMissed = (label: string, runs: ChurnRunResult[]) =>
    `${label} ${missedAt(runs, 'navigation')} at the navigation, ${missedAt(runs, 'listRender')} at the list's re-renders, ${missedAt(runs, 'churn')} in the rest`;

  const navigations = leadlens.map((run) => run.stats.navigation!);
  /** The floor under the chips: the page's own first frame after the navigation, without any extension. */
  const pageFrame = median(none.map((run) => run.stats.navigation!.firstFrameMs ?? Number.NaN));
  /** When the page's own first frame after the navigation is done: what the background's answer waits for, in a run without any extension. */
  const pageFrameDone = median(none.map((run) => run.stats.navigation!.firstFrameDoneMs ?? Number.NaN));
  /** In each run with LeadLens, its last chip after that run's own first frame was done. */
  const afterFrame = navigations.map((navigation) => (navigation.lastChipMs ?? Number.POSITIVE_INFINITY) - (navigation.firstFrameDoneMs ?? Number.NaN));
  const firstChip = navigations.map((navigation) => navigation.firstChipMs ?? Number.POSITIVE_INFINITY);
  const lastChip = navigations.map((navigation) => navigation.lastChipMs ?? Number.POSITIVE_INFINITY);
  const firstFrames = navigations.map((navigation) => navigation.firstChipFrame ?? Number.POSITIVE_INFINITY);

  const activity = leadlens.map((run) => run.activity!);
  const perSecond = (name: string) => median(activity.map((run) => run.calls[name]!)) / countSeconds;
  const ownJs = median(activity.map((run) => run.inclusiveMs)) / countSeconds;

  const loadScript = (runs: ChurnRunResult[]) => median(runs.map((run) => run.load.scriptMs));
  const loadTask = (runs: ChurnRunResult[]) => median(runs.map((run) => run.load.taskMs));
  const loadAdded = loadScript(leadlens) - loadScript(empty);
  const loadFloor = loadScript(empty) - loadScript(none);

  const took = median(none.map((run) => run.stats.durationMs)) / 1000;
  const shape =
    `${page.elements.toLocaleString('en')} elements, ${page.nodes.toLocaleString('en')} nodes, 4,000 CSS rules; ${page.batches} mutation batches (64 a second, ` +
    `the list re-rendered every 2 s, a ${view} navigation at ${NAVIGATE_AFTER / 64} s), which took ${took.toFixed(1)} s here; main-thread CPU time`;
  const floorNote = `a content script that does nothing: ${(floorAdded * 100).toFixed(1)} %; one that only observes: ${(observerAdded * 100).toFixed(1)} %`;
  return [
    {
      name: `${app} under churn, ${seconds} s: the page's own main-thread time (no extension)`,
      value: own, unit: 'ms', budget: '—', met: null,
      detail: `${shape}; ${runs}; script ${ms(script(none))}, style and layout ${ms(styleLayout(none))}`,
    },
    {
      name: `${app} under churn: main-thread time added by a content script that does nothing (the floor)`,
      value: floorAdded * 100, unit: '%', budget: '—', met: null,
      detail: `median ${ms(task(empty))}`,
    },
    {
      name: `${app} under churn: main-thread time added by a content script that only observes the page as LeadLens does`,
      value: observerAdded * 100, unit: '%', budget: '—', met: null,
      detail: `median ${ms(task(observer))}; script ${ms(script(observer))}: its MutationObserver on the document with LeadLens's options for ${app} (${JSON.stringify(site.measured.observe)}), the callback doing nothing`,
    },
    {
      name: `${app} under churn: main-thread time added by LeadLens`,
      value: added(leadlens) * 100, unit: '%', budget: "≤ 10 % of the page's own", met: added(leadlens) <= 0.1, floor: floorNote,
      detail:
        `median ${ms(task(leadlens))} with, ${ms(own)} without; script ${ms(script(leadlens))} with, ${ms(script(none))} without; style and layout ${ms(styleLayout(leadlens))} with, ${ms(styleLayout(none))} without; ` +
        `LeadLens's own JavaScript and the DOM calls it makes, profiled apart: ${ms(ownJs * seconds)} (${((100 * ownJs * seconds) / own).toFixed(1)} %)`,
    },
    {
      name: `${app} under churn: long tasks added by LeadLens`,
      value: longTasks(leadlens) - longTasks(none), unit: '', budget: 'none', met: longTasks(leadlens) <= longTasks(none),
      floor: `a content script that does nothing: ${longTasks(empty) - longTasks(none)}; one that only observes: ${longTasks(observer) - longTasks(none)}`,
      detail: `over all runs: ${longTasks(leadlens)} with LeadLens (${ms(longTaskMs(leadlens))}), ${longTasks(none)} without (${ms(longTaskMs(none))}), ${longTasks(empty)} with the do-nothing script, ${longTasks(observer)} with the observing one`,
    },
    {
      name: `${app} under churn: frames lost to LeadLens`,
      value: missed(leadlens) - missed(none), unit: '', budget: 'none', met: missed(leadlens) <= missed(none),
      floor: `a content script that does nothing: ${missed(empty) - missed(none)}; one that only observes: ${missed(observer) - missed(none)}`,
      detail:
        `median frames missed by requestAnimationFrame: ${missed(leadlens)} with, ${missed(none)} without, ${missed(empty)} with the do-nothing script, ${missed(observer)} with the observing one (of ${frames(none)} drawn); ` +
        `where, over all runs (a gap ending within 300 ms of the navigation or 100 ms of a re-render of the list counts there): ${whereMissed('with LeadLens', leadlens)}; ${whereMissed('without', none)}; ${whereMissed('with the observing script', observer)}`,
    },
    {
      name: `${app} under churn: LeadLens's reads of the page (adapter find calls) per second`,
      value: perSecond('scans'), unit: '/s', budget: '—', met: null,
      detail: `its MutationObserver's batches ${perSecond('batches').toFixed(0)}/s; its own JavaScript (and the DOM calls it makes) ${ms(ownJs)} per second; counted by V8's precise coverage and sampling profiler in ${countSeconds} s more of churn, outside the timed window`,
    },
    {
      name: `${app} ${view} navigation: to the page's own first frame after it, no extension (the floor)`,
      value: pageFrame, unit: 'ms', budget: '—', met: null,
      detail: `from history.pushState to the first requestAnimationFrame callback: the old ${view}'s view replaced by the new one's, styled and laid out; with LeadLens ${ms(median(navigations.map((navigation) => navigation.firstFrameMs ?? Number.NaN)))}`,
    },
    {
      name: `${app} ${view} navigation: to the first chip`,
      value: median(firstChip), unit: 'ms', budget: 'in the first frame', met: firstFrames.every((frame) => frame === 1),
      floor: `the page's first frame: ${ms(pageFrame)}`,
      detail: `in frame ${firstFrames.join(', ')} of the runs (1: the first after the navigation), ${range(firstChip)} ms; ${knownBeforeNavigation} of the new ${view}'s ${site.chipsOnNavigation} addresses were on the page before, the others wait for the background`,
    },
    {
      name: `${app} ${view} navigation: to the last of its ${site.chipsOnNavigation} chips`,
      value: median(lastChip), unit: 'ms', budget: '≤ 200 ms', met: median(lastChip) <= 200,
      floor: `the page's first frame done: ${ms(pageFrameDone)}`,
      detail:
        `${range(lastChip)} ms over the runs; chips counted as their host elements enter the new ${view}; ` +
        `the page's own first frame after the navigation done ${ms(pageFrameDone)} after it without any extension (the background's answer for the new addresses waits for it), ` +
        `LeadLens's last chip ${ms(median(afterFrame))} after its run's own first frame was done (${range(afterFrame)} ms)`,
    },
    {
      name: `${app} page load: script time added by a content script that does nothing (the floor)`,
      value: loadFloor, unit: 'ms', budget: '—', met: null,
      detail: `ScriptDuration to the page settled, median ${ms(loadScript(empty))} with it, ${ms(loadScript(none))} without any extension`,
    },
    {
      name: `${app} page load: script time added by LeadLens`,
      value: loadAdded, unit: 'ms', budget: '≤ 10 ms over the floor', met: loadAdded <= 10, floor: `the do-nothing script: ${ms(loadFloor)}`,
      detail: `ScriptDuration to its ${site.chipsOnLoad} chips drawn, median ${ms(loadScript(leadlens))}; main-thread time ${ms(loadTask(leadlens))} with, ${ms(loadTask(empty))} with the do-nothing script`,
    },
  ];
}
