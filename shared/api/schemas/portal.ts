import * as z from 'zod/mini';
import { tokenPattern } from '../../util/token-pattern.ts';
import { email, limits, longText, name, optionalName, stage } from './common.ts';

/** Droppable when unused, so each bundle holds its own route's schemas only (see common.ts). */
// @__NO_SIDE_EFFECTS__
function schema<T>(build: () => T): T {
  return build();
}

/** A token as it arrives in a link: base64url of 32 random bytes. */
export const token = schema(() =>
  z.string().check(z.regex(tokenPattern, 'must be a token from a portal link')),
);
export const tokenParams = schema(() => z.object({ token }));

export const signup = schema(() =>
  z.strictObject({
    token,
    firstName: name,
    lastName: name,
    jobTitle: z.optional(z.nullable(optionalName)),
  }),
);
export type Signup = z.infer<typeof signup>;

export const loginLinkRequest = schema(() => z.strictObject({ email }));

/** What POST /portal/login-links answers (B24): same form for every address. */
export const loginRequestId = schema(() =>
  z
    .string()
    .check(z.regex(tokenPattern, 'must be the loginRequestId that POST /portal/login-links answered')),
);
/** A login code as a person types or pastes it: spaces (and dashes) between the digits are fine. */
const codeMessage = 'must be the 6-digit code from the login e-mail';
export const loginCode = schema(() =>
  z
    .pipe(
      z.pipe(
        z.string().check(z.maxLength(32, codeMessage), z.regex(/^[\d\s-]+$/, codeMessage)),
        z.transform((code: string) => code.replace(/[\s-]/g, '')),
      ),
      z.string().check(z.regex(/^\d{6}$/, codeMessage)),
    )
    .register(z.globalRegistry, {
      description: 'The 6-digit login code of the e-mail; spaces and dashes between the digits are ignored',
    }),
);

/** Log in with a login link's token, or with the login request and one of its codes (B7, B24). */
export const sessionCreate = schema(() =>
  z.union([z.strictObject({ token }), z.strictObject({ loginRequestId, code: loginCode })], {
    error: 'give either token (from a login link) or loginRequestId and code',
  }),
);
export type SessionCreate = z.infer<typeof sessionCreate>;

const nonEmptyText = schema(() => longText.check(z.trim(), z.minLength(1)));
export const move = schema(() => z.strictObject({ stage, remark: z.optional(nonEmptyText) }));
export const remark = schema(() => z.strictObject({ remark: nonEmptyText }));

export const employmentTypes = ['full_time', 'part_time', 'contract', 'temporary', 'internship'] as const;

const requisitionFields = schema(() => {
  const salary = z.number().check(z.int(), z.minimum(0), z.maximum(100_000_000));
  return {
    title: name,
    description: nonEmptyText,
    qualifications: longText,
    location: optionalName,
    employmentType: z.enum(employmentTypes),
    openings: z.number().check(z.int(), z.minimum(1), z.maximum(1000)),
    salaryMin: z.nullable(salary),
    salaryMax: z.nullable(salary),
    currency: z.nullable(z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR'))),
  };
});

const salaryRangeIsOrdered = (r: { salaryMin?: number | null; salaryMax?: number | null }) =>
  r.salaryMin === undefined ||
  r.salaryMin === null ||
  r.salaryMax === undefined ||
  r.salaryMax === null ||
  r.salaryMin <= r.salaryMax;
const salaryRange = {
  message: 'The minimum salary must not be more than the maximum salary.',
  path: ['salaryMin'],
};

export const requisitionCreate = schema(() =>
  z
    .strictObject({
      ...requisitionFields,
      qualifications: z._default(requisitionFields.qualifications, ''),
      location: z._default(requisitionFields.location, ''),
      salaryMin: z.optional(requisitionFields.salaryMin),
      salaryMax: z.optional(requisitionFields.salaryMax),
      currency: z.optional(requisitionFields.currency),
    })
    .check(z.refine(salaryRangeIsOrdered, salaryRange)),
);
export type RequisitionCreate = z.infer<typeof requisitionCreate>;

export const requisitionPatch = schema(() =>
  z.partial(z.strictObject(requisitionFields)).check(
    z.refine((p) => Object.keys(p).length > 0, 'give at least one field to change'),
    z.refine(salaryRangeIsOrdered, salaryRange),
  ),
);
export type RequisitionPatch = z.infer<typeof requisitionPatch>;

export const requisitionStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type RequisitionStatus = (typeof requisitionStatuses)[number];

export const requisitionReject = schema(() => z.strictObject({ remarks: nonEmptyText }));

export { limits };
