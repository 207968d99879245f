/**
 * The route table's portal schemas, loaded on demand: zod is about 18 KB gzipped, so forms fetch
 * it when a person starts typing (or at the latest on submit), never on a page's first load.
 */
const load = () => import('@shared/api/schemas/portal.ts');
let loading: ReturnType<typeof load> | undefined;
export const portalSchemas = () => (loading ??= load());
/** For `onFocus`: start the download while the person types. */
export const warmPortalSchemas = () => void portalSchemas();
