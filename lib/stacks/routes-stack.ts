import { Stack, type StackProps, Validations } from 'aws-cdk-lib';
import {
  type HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  type IHttpRouteAuthorizer,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { type Route, routeKey, accessOf } from '../../shared/api/routes.ts';
import type { FunctionBundles } from '../build/function-bundles.ts';
import type { FunctionResources } from '../constructs/function-access.ts';
import { PortalFunction } from '../constructs/portal-function.ts';

export interface RoutesStackProps extends StackProps {
  routes: readonly Route[];
  httpApi: HttpApi;
  /** Required when any route has `auth: 'jwt'`. */
  jwtAuthorizer?: IHttpRouteAuthorizer;
  resources: FunctionResources;
  /** Every route function refuses requests without CloudFront's origin header (docs/web-hosting.md). */
  originSecret: ISecret;
  bundles: FunctionBundles;
}

/** `crm/get-account` → `CrmGetAccount`: stable construct ids, hence stable logical ids. */
export const constructIdOf = (handlerId: string) =>
  handlerId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');

/**
 * One Lambda function and one HTTP API route per entry of the route table. About seven resources
 * per route (function, role, policy, log group, permission, integration, route), so a stack holds
 * its share of the table far below CloudFormation's 500-resource limit.
 */
export class RoutesStack extends Stack {
  constructor(scope: Construct, id: string, props: RoutesStackProps) {
    super(scope, id, props);

    for (const route of props.routes) {
      const name = constructIdOf(route.id);
      const { function: fn } = new PortalFunction(this, name, {
        handlerId: route.id,
        description: `${routeKey(route)} (functions/${route.id}.ts)`,
        access: accessOf(route),
        resources: props.resources,
        bundles: props.bundles,
        originSecret: props.originSecret,
      });

      if (route.auth === 'jwt' && !props.jwtAuthorizer)
        throw new Error(`Route ${route.id} needs the JWT authorizer`);
      const httpRoute = new HttpRoute(this, `${name}Route`, {
        httpApi: props.httpApi,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: new HttpLambdaIntegration(`${name}Integration`, fn),
        ...(route.auth === 'jwt' ? { authorizer: props.jwtAuthorizer } : {}),
      });

      if (route.auth !== 'jwt') {
        Validations.of(httpRoute).acknowledge({
          id: 'AwsSolutions::AwsSolutions-APIG4',
          reason:
            route.auth === 'public'
              ? 'Public portal route (sign-up, login links, invitation lookup): it authenticates by a single-use token in the request.'
              : 'Portal route: the shared session middleware in the function checks the session cookie on every request ' +
                '(an HTTP API Lambda authorizer could only answer 403 and would double the invocations, see SPEC §4).',
        });
      }
    }
  }
}
