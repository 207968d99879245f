import { Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventRules } from '../../shared/events/rules.ts';
import { sesDetailTypes } from '../../shared/events/ses-events.ts';
import { actionsOf, statementsOf } from './app-fixture.ts';
import { getAtt, importedFrom, onlyIdOf, pipelineTemplates, ruleWiringOf } from './pipeline-fixture.ts';

let pipeline: Template;
let data: Template;
let email: Template;
const rule = eventRules.find((r) => r.id === 'record-email-status')!;

beforeAll(() => {
  const templates = pipelineTemplates();
  ({ pipeline, data } = templates);
  email = Template.fromStack(templates.stacks.email);
});

describe('SES delivery events reach the contact (docs/email-delivery.md)', () => {
  it('the configuration set publishes sends, deliveries, bounces, complaints, rejects and delays to the default bus', () => {
    email.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: onlyIdOf(email, 'AWS::SES::ConfigurationSet') },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['send', 'delivery', 'bounce', 'complaint', 'reject', 'deliveryDelay'],
        EventBridgeDestination: {
          EventBusArn: {
            'Fn::Join': [
              '',
              [
                'arn:',
                { Ref: 'AWS::Partition' },
                ':events:',
                { Ref: 'AWS::Region' },
                ':',
                { Ref: 'AWS::AccountId' },
                ':event-bus/default',
              ],
            ],
          },
        },
      },
    });
  });

  it('the rule listens on the default bus for the SES e-mail events of this configuration set only', () => {
    const { eventRule } = ruleWiringOf(pipeline, rule);
    // No EventBusName: the account's default bus, the only one SES publishes to.
    expect(eventRule.Properties!.EventBusName).toBeUndefined();
    const pattern = eventRule.Properties!.EventPattern;
    expect(pattern.source).toEqual(['aws.ses']);
    expect(pattern['detail-type']).toEqual(Object.keys(sesDetailTypes));
    // The configuration set by its fixed name (no export of the Email stack): this stage's one.
    const [configurationSet] = pattern.detail.mail.tags['ses:configuration-set'];
    expect(configurationSet).toBe('client-portal-dev');
    email.hasResourceProperties('AWS::SES::ConfigurationSet', { Name: configurationSet });
  });

  it('its handler may only check, update and put items of the table (and read a login request)', () => {
    const { fn, queueId } = ruleWiringOf(pipeline, rule);
    const statements = statementsOf(pipeline, fn);
    const dynamo = statements.filter((s) => actionsOf([s]).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toHaveLength(1);
    expect(actionsOf(dynamo).sort()).toEqual([
      'dynamodb:ConditionCheckItem',
      'dynamodb:GetItem',
      'dynamodb:PutItem',
      'dynamodb:UpdateItem',
    ]);
    // The table itself, no index.
    expect(importedFrom(data, dynamo[0]!.Resource)).toEqual(getAtt(onlyIdOf(data, 'AWS::DynamoDB::Table')));
    expect(actionsOf(statements).some((a) => a.startsWith('ses:') || a.startsWith('events:'))).toBe(false);
    expect(queueId).toMatch(/DeadLetters/);
  });
});
