import type { Route } from '../shared/api/routes.ts';

export interface RouteMatch {
  route: Route;
  /** Decoded, as API Gateway passes them. */
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  segments: string[];
  /** Literal segments outrank `{param}` segments, left to right, as in API Gateway. */
  rank: string;
}

const isParam = (segment: string) => segment.startsWith('{') && segment.endsWith('}');

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Matches method + path against the route table's `{param}` templates; no match is API Gateway's 404. */
export function createRouteMatcher(routes: readonly Route[]) {
  const compiled: CompiledRoute[] = routes
    .map((route) => {
      const segments = route.path.split('/').slice(1);
      return { route, segments, rank: segments.map((s) => (isParam(s) ? '1' : '0')).join('') };
    })
    .sort((a, b) => a.rank.localeCompare(b.rank));

  return (method: string, rawPath: string): RouteMatch | undefined => {
    const parts = rawPath.split('/').slice(1);
    for (const candidate of compiled) {
      if (candidate.route.method !== method || candidate.segments.length !== parts.length) continue;
      const pathParameters: Record<string, string> = {};
      const matches = candidate.segments.every((segment, i) => {
        const part = parts[i] ?? '';
        if (!isParam(segment)) return segment === part;
        if (part === '') return false;
        pathParameters[segment.slice(1, -1)] = decode(part);
        return true;
      });
      if (matches) return { route: candidate.route, pathParameters };
    }
    return undefined;
  };
}
