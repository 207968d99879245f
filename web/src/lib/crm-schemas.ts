/**
 * The route table's CRM schemas, loaded on demand like `portal-schemas.ts`: the recruiter forms
 * validate with the API's own rules, and zod is fetched while a person types, never on first load.
 */
const load = () =>
  Promise.all([import('@shared/api/schemas/crm.ts'), import('./zod-locale.ts')]).then(([schemas, locale]) => {
    locale.installZodMessages();
    return schemas;
  });
let loading: ReturnType<typeof load> | undefined;
export const crmSchemas = () => (loading ??= load());
/** For `onFocus`: start the download while the person types. */
export const warmCrmSchemas = () => void crmSchemas();
