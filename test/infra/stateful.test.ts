import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, it } from 'vitest';
import { tableDefinition } from '../../shared/data/table-definition.ts';
import { buildTestApp } from './app-fixture.ts';

let data: Template;
let email: Template;
let events: Template;

beforeAll(() => {
  const { stacks } = buildTestApp({}, { emailFrom: 'portal@mail.agency.test', emailDomain: 'agency.test' });
  data = Template.fromStack(stacks.data);
  email = Template.fromStack(stacks.email);
  events = Template.fromStack(stacks.events);
});

describe('the table', () => {
  it('is built from the shared definition, with streams, TTL and point-in-time recovery', () => {
    data.resourceCountIs('AWS::DynamoDB::Table', 1);
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
        { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
      ],
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
      DeletionProtectionEnabled: true,
    });
  });

  it('has every GSI of the definition, projecting ALL', () => {
    data.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: tableDefinition.globalIndexes.map((index) => ({
        IndexName: index.indexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
    });
  });

  it('survives the deletion of its stack', () => {
    data.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('the secrets', () => {
  it.each([
    ['the cursor key', 'list cursors'],
    ['B24 the login-code key', 'login codes'],
  ])('%s is a generated 64-character key of its own', (_name, describing) => {
    data.hasResourceProperties('AWS::SecretsManager::Secret', {
      Description: Match.stringLikeRegexp(describing),
      GenerateSecretString: {
        PasswordLength: 64,
        ExcludePunctuation: true,
        SecretStringTemplate: Match.absent(),
      },
    });
  });

  it('are two, one per purpose', () => {
    data.resourceCountIs('AWS::SecretsManager::Secret', 2);
  });
});

describe('SES', () => {
  it('verifies the sending domain with Easy DKIM and uses the configuration set', () => {
    const [setId] = Object.keys(email.findResources('AWS::SES::ConfigurationSet'));
    email.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'agency.test',
      DkimAttributes: { SigningEnabled: true },
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: setId } },
    });
    email.hasResourceProperties('AWS::SES::ConfigurationSet', { DeliveryOptions: { TlsPolicy: 'REQUIRE' } });
  });

  it('publishes the DKIM records to put into DNS', () => {
    for (const n of [1, 2, 3]) email.hasOutput(`DkimRecord${n}`, {});
  });
});

describe('the event bus', () => {
  it("is the project's own bus, named per stage", () => {
    events.hasResourceProperties('AWS::Events::EventBus', { Name: 'client-portal-dev' });
  });
});
