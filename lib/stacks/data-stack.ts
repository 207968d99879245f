import { RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, StreamViewType, Table } from 'aws-cdk-lib/aws-dynamodb';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../shared/data/table-definition.ts';

/**
 * Stateful resources, kept apart from the functions so that redeploying or even deleting the route
 * stacks never touches data.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly cursorSecret: Secret;
  readonly loginCodeSecret: Secret;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const key = (name: string) => ({ name, type: AttributeType.STRING });
    // Every key name comes from the shared definition, which the local stack and the code also use.
    this.table = new Table(this, 'Table', {
      partitionKey: key(tableDefinition.partitionKey),
      sortKey: key(tableDefinition.sortKey),
      billingMode: BillingMode.PAY_PER_REQUEST,
      // The stream publisher needs both images to tell moves, e-mail changes and deletions apart.
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.globalIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: key(index.partitionKey),
        sortKey: key(index.sortKey),
        // List routes answer from one Query page; with ALL they never need a second read per item.
        projectionType: ProjectionType.ALL,
      });
    }

    this.cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'HMAC key that makes list cursors tamper-evident',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(this.cursorSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'The key only signs opaque pagination cursors (tamper evidence, no data behind it). Rotation would need a ' +
        'rotation Lambda and would merely invalidate cursors in flight; if the key leaks, put a new secret version by hand.',
    });

    // B24: its own key, so that only the two functions that make or check login codes can read it.
    this.loginCodeSecret = new Secret(this, 'LoginCodeSecret', {
      description: 'HMAC key of the login codes: codes are stored only as this keyed hash',
      generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
    });
    Validations.of(this.loginCodeSecret).acknowledge({
      id: 'AwsSolutions::AwsSolutions-SMG4',
      reason:
        'The key only hashes short-lived login codes (15 minutes). Rotation would need a rotation Lambda and would ' +
        'merely invalidate the codes in flight (the links keep working); if the key leaks, put a new secret version by hand.',
    });
  }
}
