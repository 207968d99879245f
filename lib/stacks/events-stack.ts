import { Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { Construct } from 'constructs';

export interface EventsStackProps extends StackProps {
  stage: string;
}

/**
 * The project's own EventBridge bus (not the account's default bus, so that rules and permissions
 * concern this application only). Routes with `access.events` and the stream publisher publish to
 * it; the rules and their handlers live in the pipeline stack, so this stack stays small and stable.
 */
export class EventsStack extends Stack {
  readonly bus: EventBus;

  constructor(scope: Construct, id: string, props: EventsStackProps) {
    super(scope, id, props);
    this.bus = new EventBus(this, 'Bus', { eventBusName: `client-portal-${props.stage}` });
  }
}
