/**
 * The route table's portal schemas, loaded on demand: zod is about 18 KB gzipped, so forms fetch
 * it when a person starts typing (or at the latest on submit), never on a page's first load.
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
