import { join } from 'node:path';
import { startDynamoDbLocal, type DynamoDbLocal } from './dynamodb-local.ts';
import { startSesLocal, type SesLocal, type SesLocalOptions } from './ses-local.ts';

export interface Backends {
  dynamo: DynamoDbLocal;
  ses: SesLocal;
  stop(): Promise<void>;
}

/** DynamoDB Local and the SES stand-in, started side by side; if one fails, the other is stopped too. */
export async function startBackends(options: {
  dynamodbPort: number;
  mailPort: number;
  dataDir: string | undefined;
  onEmailSent?: SesLocalOptions['onSent'];
}): Promise<Backends> {
  const [dynamo, ses] = await Promise.allSettled([
    startDynamoDbLocal({
      port: options.dynamodbPort,
      ...(options.dataDir ? { dataDir: join(options.dataDir, 'dynamodb') } : {}),
    }),
    startSesLocal({
      port: options.mailPort,
      ...(options.onEmailSent ? { onSent: options.onEmailSent } : {}),
    }),
  ]);
  if (dynamo.status === 'rejected' || ses.status === 'rejected') {
    await Promise.all([
      dynamo.status === 'fulfilled' ? dynamo.value.stop() : undefined,
      ses.status === 'fulfilled' ? ses.value.stop() : undefined,
    ]);
    throw dynamo.status === 'rejected' ? dynamo.reason : (ses as PromiseRejectedResult).reason;
  }
  return {
    dynamo: dynamo.value,
    ses: ses.value,
    stop: async () => {
      await Promise.all([dynamo.value.stop(), ses.value.stop()]);
    },
  };
}
