import { recordEmailEvent } from '#shared/domain/email-events';
import type { SesEventDetail } from '#shared/events/ses-events';
import { eventHandler } from '#shared/events/event-handler';

/** SES delivery events (default bus, source aws.ses) → the contact's last-e-mail status and audit trail. */
export const handler = eventHandler<SesEventDetail>(async (detail, event) =>
  recordEmailEvent(event['detail-type'], detail),
);
