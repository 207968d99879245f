import { envNames } from '../config/env.ts';
import { secretKey } from '../config/secret.ts';

/** The key that signs list cursors (CURSOR_SECRET locally, CURSOR_SECRET_ARN in AWS). */
export const cursorKey = secretKey(
  { value: envNames.cursorSecret, arn: envNames.cursorSecretArn },
  'Cursor secret',
);
