import type { Stack } from 'aws-cdk-lib';
import type { PortalStacks } from './portal-app.ts';

/**
 * The values the route and pipeline stacks take from the stateful stacks, exported always, whether
 * a consumer uses them or not. CDK otherwise exports only what some consumer imports right now, so
 * removing the last route that reads, say, the cursor secret would make the Data stack (deployed
 * first) drop an export that the old route stack still imports: CloudFormation refuses that
 * ("Export … cannot be deleted as it is in use"). With a fixed set of exports, the route set can
 * change in one deploy. The e-mail values are no exports at all (lib/constructs/sending-identity.ts).
 *
 * Not here: the JWT authorizer's id. aws-cdk-lib creates the authorizer only when a route binds it,
 * so it exists exactly while some /crm route does; removing every /crm route is a two-step change.
 */
export function exportSharedValues(stacks: Pick<PortalStacks, 'data' | 'events' | 'api'>): void {
  const { data, events, api } = stacks;
  const exports: [Stack, string[]][] = [
    [
      data,
      [
        data.table.tableName,
        data.table.tableArn,
        data.cursorSecret.secretArn,
        data.loginCodeSecret.secretArn,
      ],
    ],
    [events, [events.bus.eventBusName, events.bus.eventBusArn]],
    [api, [api.httpApi.apiId, api.originSecret.secretArn]],
  ];
  for (const [stack, values] of exports) for (const value of values) stack.exportValue(value);
}
