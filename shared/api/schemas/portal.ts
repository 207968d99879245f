import * as z from 'zod/mini';
import { tokenPattern } from '../../util/tokens.ts';
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
export const sessionCreate = schema(() => z.strictObject({ token }));

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
const salaryRange = { message: 'salaryMin must not exceed salaryMax', path: ['salaryMin'] };

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
