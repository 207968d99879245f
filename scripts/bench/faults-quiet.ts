/**
 * Hundreds of injected faults would bury the output in expected failures: drops console lines
 * that only report one, and the handlers' info logs (Powertools reads POWERTOOLS_LOG_LEVEL at the
 * first import, which comes later). Real errors still print.
 */
export function quietInjectedFaults(): () => void {
  const { warn, error } = console;
  const injected = (args: unknown[]) =>
    args.some(
      (a) =>
        (typeof a === 'string' && a.includes('injected fault')) ||
        (a instanceof Error && a.name === 'InjectedFault'),
    );
  console.warn = (...args: unknown[]) => void (injected(args) || warn(...args));
  console.error = (...args: unknown[]) => void (injected(args) || error(...args));
  const level = process.env.POWERTOOLS_LOG_LEVEL;
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  return () => {
    Object.assign(console, { warn, error });
    if (level === undefined) delete process.env.POWERTOOLS_LOG_LEVEL;
  };
}
