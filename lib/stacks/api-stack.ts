import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { OriginSecret } from '../constructs/origin-secret.ts';
import { RecruiterUserPool } from '../constructs/recruiter-user-pool.ts';

export interface ApiStackProps extends StackProps {
  stage: string;
}

/**
 * Access log fields. Only `$context.routeKey` (the route template) identifies the request:
 * `$context.path` would write invitation, login-link and session tokens into the logs.
 */
const accessLogFields = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  routeKey: '$context.routeKey',
  status: '$context.status',
  ip: '$context.identity.sourceIp',
  latency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  responseLength: '$context.responseLength',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
};

/**
 * The HTTP API, its one stage, and the recruiters' user pool with the JWT authorizer for /crm.
 * Routes are added by the route stacks, so this stack stays small however many routes there are.
 * The origin secret lives here too: it says who may call this API (CloudFront only), and both the
 * Web stack and the route stacks depend on this one, never on each other for it.
 */
export class ApiStack extends Stack {
  readonly httpApi: HttpApi;
  readonly jwtAuthorizer: HttpJwtAuthorizer;
  readonly originSecret: ISecret;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);

    // No corsPreflight: the web app and the API share one origin (CloudFront), so no route answers
    // CORS headers.
    this.httpApi = new HttpApi(this, 'HttpApi', {
      apiName: `client-portal-${props.stage}`,
      // The default stage is created below: HttpApiProps cannot configure its access logs or throttling.
      createDefaultStage: false,
    });

    const accessLogs = new LogGroup(this, 'AccessLogs', {
      // Longer than function logs: access logs are what a security review reaches for first.
      retention: RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // Account-wide protection against floods; per-email and per-address limits live in the handlers.
      throttle: { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(accessLogFields)),
      },
    });

    const recruiters = new RecruiterUserPool(this, 'Recruiters', { stage: props.stage });
    // The issuer must be exactly what Cognito writes into `iss`; the audience of an ID token is the
    // app client id. The authorizer resource is created in this stack, next to the pool and client.
    this.jwtAuthorizer = new HttpJwtAuthorizer(
      'CognitoJwt',
      `https://cognito-idp.${this.region}.amazonaws.com/${recruiters.userPool.userPoolId}`,
      { jwtAudience: [recruiters.client.userPoolClientId], authorizerName: 'cognito-recruiters' },
    );

    this.originSecret = new OriginSecret(this, 'OriginSecret', { stage: props.stage }).secret;

    // Not the portal's address: every function refuses requests that did not come through CloudFront.
    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'OriginSecretArn', { value: this.originSecret.secretArn });
    new CfnOutput(this, 'UserPoolId', { value: recruiters.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: recruiters.client.userPoolClientId });
  }
}
