/**
 * zod/mini carries no messages of its own (the full `zod` bundles every locale): the English ones,
 * which the 400 answers' `details` show, are installed once here by the module that validates.
 */
import { config } from 'zod/mini';
import { en } from 'zod/locales';

config(en());
