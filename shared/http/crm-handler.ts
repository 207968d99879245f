import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import type { Route } from '../api/routes.ts';
import { httpChain } from './http-chain.ts';
import { parseRequest, type ParsedRequest } from './parse-request.ts';
import { recruiterFrom, type Recruiter } from './recruiter-auth.ts';
import type { Reply } from './responses.ts';

export interface CrmRequest<R extends Route> extends ParsedRequest<R> {
  recruiter: Recruiter;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
}

/** A recruiter API Lambda: the tenant from the verified JWT, then validation by the route's schemas. */
export function crmHandler<R extends Route>(route: R, fn: (req: CrmRequest<R>) => Promise<Reply>) {
  return httpChain<APIGatewayProxyEventV2WithJWTAuthorizer>(route, async (event) => {
    const recruiter = recruiterFrom(event);
    return fn({ ...parseRequest(route, event), recruiter, event });
  });
}
