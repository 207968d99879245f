/**
 * The route table's portal schemas, loaded on demand: zod/mini, the schemas and their messages are
 * about 10 KB gzipped (`npm run bench:web`, "after first form use"), so forms fetch them when a
 * person starts typing (or at the latest on submit), never on a page's first load.
 */
const load = () =>
  Promise.all([import('@shared/api/schemas/portal.ts'), import('./zod-locale.ts')]).then(
    ([schemas, locale]) => {
      locale.installZodMessages();
      return schemas;
    },
  );
let loading: ReturnType<typeof load> | undefined;
export const portalSchemas = () => (loading ??= load());
/** For `onFocus`: start the download while the person types. */
export const warmPortalSchemas = () => void portalSchemas();
