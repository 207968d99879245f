import * as z from 'zod/mini';
import { en } from 'zod/locales';

/**
 * The route table's schemas are zod/mini, which carries no messages of its own: the English ones
 * (what a form shows for a rule without a sentence of its own) are installed with the schemas.
 * A call rather than an import-time effect: the package declares its modules free of side effects.
 */
export const installZodMessages = () => void z.config(en());
