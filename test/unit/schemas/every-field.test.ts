import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routeList } from '../../../shared/api/routes.ts';

/**
 * The class of every field of every route's body, query string and path (docs/input-rules.md). A field
 * missing here fails the first test: a new string field must be given its class.
 */
const classOf: Record<string, 'single line' | 'long text' | 'e-mail' | 'closed'> = {
  // Single line: names, titles and other short strings, which may reach an e-mail subject or header.
  portalName: 'single line',
  name: 'single line',
  firstName: 'single line',
  lastName: 'single line',
  email: 'single line', // a CRM contact's or candidate's address (free text); the portal's is 'e-mail'
  phone: 'single line',
  title: 'single line',
  location: 'single line',
  headline: 'single line',
  jobTitle: 'single line',
  cursor: 'single line',
  // Long texts: shown as paragraphs, never in a header.
  description: 'long text',
  qualifications: 'long text',
  summary: 'long text',
  remark: 'long text',
  remarks: 'long text',
  // E-mail syntax (ASCII, no controls).
  notificationEmail: 'e-mail',
  // Closed sets: ids, tokens, codes, enums, numbers, booleans, arrays of enums.
  portalEnabled: 'closed',
  organizationId: 'closed',
  primaryContactId: 'closed',
  clientAllowedStages: 'closed',
  status: 'closed',
  candidateId: 'closed',
  stage: 'closed',
  remarkVisibility: 'closed',
  token: 'closed',
  loginRequestId: 'closed',
  code: 'closed',
  employmentType: 'closed',
  openings: 'closed',
  salaryMin: 'closed',
  salaryMax: 'closed',
  currency: 'closed',
  limit: 'closed',
  organization: 'closed',
  // Path parameters: ids and tokens, patterns of ASCII letters and digits.
  orgId: 'closed',
  contactId: 'closed',
  jobId: 'closed',
  submissionId: 'closed',
  reqId: 'closed',
};
/** Where one route's field of that name has another class. */
const classOfRouteField: Record<string, (typeof classOf)[string]> = {
  'POST /portal/login-links email': 'e-mail',
};

type Def = { type: string; shape?: Record<string, unknown>; options?: z.core.$ZodType[] };
const defOf = (s: z.core.$ZodType) => s._zod.def as unknown as Def;
/** The object schemas a body may be (a union's options one by one). */
const objectsOf = (s: z.core.$ZodType): z.core.$ZodType[] => {
  const def = defOf(s);
  if (def.type === 'union') return (def.options ?? []).flatMap(objectsOf);
  return def.type === 'object' ? [s] : [];
};

const fields = routeList.flatMap((route) =>
  (['body', 'query', 'params'] as const).flatMap((part) => {
    const schema = route[part] as z.core.$ZodType | undefined;
    if (!schema) return [];
    return objectsOf(schema).flatMap((object) =>
      Object.keys(defOf(object).shape ?? {}).map(
        (field) =>
          [
            `${route.method} ${route.path} ${part}.${field}`,
            object,
            field,
            classOfRouteField[`${route.method} ${route.path} ${field}`] ?? classOf[field],
          ] as const,
      ),
    );
  }),
);

const issueAt = (schema: z.core.$ZodType, field: string, value: unknown) => {
  const result = z.safeParse(schema, { [field]: value });
  return result.success ? undefined : result.error.issues.find((i) => i.path[0] === field);
};

describe('every string field of every route has an input class', () => {
  it('every body, query and path field of the route table is classified', () => {
    expect(fields.length).toBeGreaterThan(50);
    expect(fields.filter(([, , , c]) => c === undefined).map(([n]) => n)).toEqual([]);
  });

  it.each(fields)('%s refuses NUL, DEL, a C1 control and lone surrogates', (_n, schema, field) => {
    for (const bad of ['a\u0000b', 'a\u007fb', 'a\u0085b', 'a\ud800b', 'a\udc00b'])
      expect(issueAt(schema, field, bad), JSON.stringify(bad)).toBeDefined();
  });

  it.each(fields.filter(([, , , c]) => c === 'single line'))(
    '%s (single line) refuses CR, LF and TAB, accepts accents and emoji',
    (_n, schema, field) => {
      for (const bad of ['a\rb', 'a\nb', 'a\tb']) expect(issueAt(schema, field, bad)).toBeDefined();
      expect(issueAt(schema, field, 'Zoë 🙂')).toBeUndefined();
    },
  );

  it.each(fields.filter(([, , , c]) => c === 'long text'))(
    '%s (long text) accepts line breaks and tabs',
    (_n, schema, field) => {
      expect(issueAt(schema, field, 'First line\r\n\tsecond line\nZoë 🙂')).toBeUndefined();
    },
  );
});
