// What the DevTools protocol tells about one page: its main thread's busy time, and, for LeadLens's
// content script, how often its functions ran and how long they took. Nothing in the extension is
// changed or wrapped to count: V8's coverage counts calls, its sampling profiler times them.
import type { CDPSession } from 'playwright-core';

/**
 * The page's main thread, in CPU time (the thread's own clock): on a shared machine a thread waiting
 * for a core would count the wait in wall-clock time, and the figures would measure the neighbours.
 */
export interface MainThread {
  /** Everything the page's main thread did (Performance.getMetrics TaskDuration), ms. */
  taskMs: number;
  /** Of which running JavaScript (ScriptDuration), ms. */
  scriptMs: number;
  /** Of which style and layout (RecalcStyleDuration + LayoutDuration), ms. */
  styleLayoutMs: number;
}

/** Starts the page's metrics, timed by the thread's CPU clock. */
export async function watchMainThread(cdp: CDPSession): Promise<void> {
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
}

/** The page's main-thread totals so far (see watchMainThread). */
export async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => (metrics.find((entry) => entry.name === name)?.value ?? Number.NaN) * 1000;
  return { taskMs: metric('TaskDuration'), scriptMs: metric('ScriptDuration'), styleLayoutMs: metric('RecalcStyleDuration') + metric('LayoutDuration') };
}

export const since = (before: MainThread, after: MainThread): MainThread => ({
  taskMs: after.taskMs - before.taskMs,
  scriptMs: after.scriptMs - before.scriptMs,
  styleLayoutMs: after.styleLayoutMs - before.styleLayoutMs,
});

/** Functions of a script picked by their source text, as the built bundle has it (names are minified). */
export interface FunctionMarker {
  name: string;
  /** Whether this function (its whole text, from `function` or its method name to its closing brace) is the one. */
  is(functionName: string, text: string): boolean;
}

export interface ScriptActivity {
  /** Calls of each marked function while counting. */
  calls: Record<string, number>;
  /** Time with a function of the script on the stack (its own and what it called: DOM queries, rendering), ms. */
  inclusiveMs: number;
}

/**
 * Counts calls of the marked functions of one script (by its URL's ending) with V8's precise
 * coverage, and times the script with the sampling profiler, while `during` runs. Both slow the
 * page a little: use them in a window of their own, never in one whose time is measured.
 */
export async function scriptActivity(
  cdp: CDPSession,
  script: { urlEnding: string; source: string; markers: FunctionMarker[] },
  during: () => Promise<void>,
): Promise<ScriptActivity> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.startPreciseCoverage', { callCount: true, detailed: false });
  await cdp.send('Profiler.takePreciseCoverage'); // resets the counts
  await cdp.send('Profiler.start');
  await during();
  const { profile } = await cdp.send('Profiler.stop');
  const { result } = await cdp.send('Profiler.takePreciseCoverage');
  await cdp.send('Profiler.stopPreciseCoverage');
  await cdp.send('Profiler.disable');

  const coverage = result.find((entry) => entry.url.endsWith(script.urlEnding));
  if (!coverage) throw new Error(`No coverage for a script ending ${script.urlEnding}: did it run?`);
  const calls: Record<string, number> = {};
  for (const marker of script.markers) {
    const found = coverage.functions.filter(({ functionName, ranges }) => marker.is(functionName, script.source.slice(ranges[0]!.startOffset, ranges[0]!.endOffset)));
    if (found.length !== 1) throw new Error(`${found.length} functions of ${script.urlEnding} look like ${marker.name}: update its marker in the benchmark.`);
    calls[marker.name] = found[0]!.ranges[0]!.count;
  }
  return { calls, inclusiveMs: inclusiveMs(profile, script.urlEnding) };
}

/** Sampled time with a frame of the script anywhere on the stack. */
interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples?: number[];
  timeDeltas?: number[];
}

function inclusiveMs(profile: CpuProfile, urlEnding: string): number {
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const inScript = new Map<number, boolean>();
  const isInScript = (id: number): boolean => {
    const known = inScript.get(id);
    if (known !== undefined) return known;
    const up = parent.get(id);
    const answer = byId.get(id)!.callFrame.url.endsWith(urlEnding) || (up !== undefined && isInScript(up));
    inScript.set(id, answer);
    return answer;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  // Each sample stands for the time until the next one.
  for (let n = 0; n + 1 < samples.length; n++) if (isInScript(samples[n]!)) total += deltas[n + 1]!;
  return total / 1000;
}
