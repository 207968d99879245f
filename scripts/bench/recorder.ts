import { routeKey, type Route } from '../../shared/api/routes.ts';
import { sessionPolicy } from '../../shared/domain/session-policy.ts';
import { median, sessionCheckLength, type Measurement } from './format.ts';
import { call, type CallOptions, type Reply } from './http.ts';

export const timedCalls = 20;

export interface HitOptions extends CallOptions {
  /** Path parameters, filled into the route's `{template}`. */
  params?: Record<string, string>;
  /** The query string (a list's filter), timed along with the path. */
  query?: Record<string, string>;
  /** Default: the route's success status. */
  expect?: number;
  /** Marks an extra failure case; only the main call is timed. */
  label?: string;
}

export interface Timed {
  route: Route;
  options?: Pick<HitOptions, 'params' | 'token' | 'cookie'>;
}

export interface TimedMedian {
  key: string;
  median: number | undefined;
}

/** Fills `{name}` placeholders; throws on a missing parameter so a typo never hits a wrong path. */
export function pathFor(route: Route, params: Record<string, string> = {}): string {
  return route.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${routeKey(route)}: no value for {${name}}`);
    return encodeURIComponent(value);
  });
}

/** Calls routes, keeps what each call cost in DynamoDB requests, and times the read routes. */
export class Recorder {
  readonly measurements: Measurement[] = [];
  readonly notMeasured = new Map<string, string>();
  comparison: [TimedMedian, TimedMedian] | undefined;
  private readonly started = Date.now();

  constructor(
    private readonly base: string,
    private readonly log: (line: string) => void,
  ) {}

  async hit(route: Route, options: HitOptions = {}): Promise<Reply> {
    const { params, query, expect = route.status, label, ...callOptions } = options;
    const search = query ? `?${new URLSearchParams(query).toString()}` : '';
    const path = `${pathFor(route, params)}${search}`;
    const reply = await call(this.base, route.method, path, callOptions);
    const measurement: Measurement = {
      key: routeKey(route),
      status: reply.status,
      expected: expect,
      commands: reply.commands,
      ...(label ? { label } : {}),
      ...(route.auth === 'session' ? { sessionCheck: this.sessionCheck(reply.commands) } : {}),
    };
    this.measurements.push(measurement);
    if (reply.status !== expect) {
      this.log(
        `  ! ${measurement.key}${label ? ` (${label})` : ''}: ${reply.status}, expected ${expect}: ${reply.text.slice(0, 300)}`,
      );
    } else if (route.method === 'GET' && !label && !this.isTimed(measurement.key)) {
      measurement.timings = await this.time(path, callOptions);
    }
    return reply;
  }

  /**
   * Times two read routes interleaved (a, b, a, b, …) once everything is warm, so that drift of
   * the local machine hits both alike: the ratio line of the report.
   */
  async compare(a: Timed, b: Timed): Promise<void> {
    const [timingsA, timingsB] = [[] as number[], [] as number[]];
    for (let i = 0; i < timedCalls; i++) {
      timingsA.push(await this.timeOnce(a));
      timingsB.push(await this.timeOnce(b));
    }
    this.comparison = [
      { key: routeKey(a.route), median: median(timingsA) },
      { key: routeKey(b.route), median: median(timingsB) },
    ];
  }

  markNotMeasured(route: Route, reason: string): void {
    this.notMeasured.set(routeKey(route), reason);
    this.log(`  - ${routeKey(route)}: not measured (${reason})`);
  }

  private sessionCheck(commands: string[]): number {
    return sessionCheckLength(commands, Date.now() - this.started >= sessionPolicy.touchEveryMs);
  }

  private isTimed(key: string): boolean {
    return this.measurements.some((m) => m.key === key && m.timings !== undefined);
  }

  private async timeOnce({ route, options = {} }: Timed): Promise<number> {
    const { params, ...callOptions } = options;
    const reply = await call(this.base, route.method, pathFor(route, params), callOptions);
    if (reply.status !== route.status) throw new Error(`timing ${routeKey(route)}: ${reply.status}`);
    return reply.ms;
  }

  private async time(path: string, options: CallOptions): Promise<number[]> {
    const timings: number[] = [];
    for (let i = 0; i < timedCalls; i++) {
      const reply = await call(this.base, 'GET', path, options);
      if (reply.status >= 400)
        throw new Error(`timing GET ${path}: ${reply.status} ${reply.text.slice(0, 300)}`);
      timings.push(reply.ms);
    }
    return timings;
  }
}
