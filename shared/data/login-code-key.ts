import { envNames } from '../config/env.ts';
import { secretKey } from '../config/secret.ts';

/**
 * The key of the login codes' keyed hash (B24). A secret of its own, not the cursor key: only the
 * two functions that make or check codes may read it (see `loginCode` in the route table's access).
 */
export const loginCodeKey = secretKey(
  { value: envNames.loginCodeSecret, arn: envNames.loginCodeSecretArn },
  'Login code secret',
);
