// A wait that has no limit of its own (a DevTools command, a function run in the service worker),
// given one that names it: a browser test that hangs there then fails saying what it waited for,
// rather than with its own time-out, which names nothing.
export function bounded<T>(wait: Promise<T>, what: string, ms = 20_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms / 1000} s.`)), ms);
  });
  return Promise.race([wait, limit]).finally(() => clearTimeout(timer));
}
