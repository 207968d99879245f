import { z } from 'zod';
import { tokenPattern } from '../../util/token-pattern.ts';
import { email, id, limits, longText, name, optionalName, stage } from './common.ts';

/** A token as it arrives in a link: base64url of 32 random bytes. */
export const token = z.string().regex(tokenPattern, 'must be a token from a portal link');
export const tokenParams = z.object({ token });

export const signup = z
  .object({
    token,
    firstName: name,
    lastName: name,
    jobTitle: optionalName.nullable().optional(),
  })
  .strict();
export type Signup = z.infer<typeof signup>;

export const loginLinkRequest = z.object({ email }).strict();

/** What POST /portal/login-links answers (B24): same form for every address. */
export const loginRequestId = z
  .string()
  .regex(tokenPattern, 'must be the loginRequestId that POST /portal/login-links answered');
/** A login code as a person types or pastes it: spaces (and dashes) between the digits are fine. */
const codeMessage = 'must be the 6-digit code from the login e-mail';
export const loginCode = z
  .string()
  .max(32, codeMessage)
  .regex(/^[\d\s-]+$/, codeMessage)
  .transform((code) => code.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, codeMessage))
  .meta({
    description: 'The 6-digit login code of the e-mail; spaces and dashes between the digits are ignored',
  });

/** Log in with a login link's token, or with the login request and one of its codes (B7, B24). */
export const sessionCreate = z.union(
  [z.object({ token }).strict(), z.object({ loginRequestId, code: loginCode }).strict()],
  { error: 'give either token (from a login link) or loginRequestId and code' },
);
export type SessionCreate = z.infer<typeof sessionCreate>;

export const move = z.object({ stage, remark: longText.trim().min(1).optional() }).strict();
export const remark = z.object({ remark: longText.trim().min(1) }).strict();

export const employmentTypes = ['full_time', 'part_time', 'contract', 'temporary', 'internship'] as const;

const salary = z.number().int().min(0).max(100_000_000);
const requisitionFields = {
  title: name,
  description: longText.trim().min(1),
  qualifications: longText,
  location: optionalName,
  employmentType: z.enum(employmentTypes),
  openings: z.number().int().min(1).max(1000),
  salaryMin: salary.nullable(),
  salaryMax: salary.nullable(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as EUR')
    .nullable(),
};

const salaryRangeIsOrdered = (r: { salaryMin?: number | null; salaryMax?: number | null }) =>
  r.salaryMin === undefined ||
  r.salaryMin === null ||
  r.salaryMax === undefined ||
  r.salaryMax === null ||
  r.salaryMin <= r.salaryMax;

export const requisitionCreate = z
  .object({
    ...requisitionFields,
    qualifications: requisitionFields.qualifications.default(''),
    location: requisitionFields.location.default(''),
    salaryMin: requisitionFields.salaryMin.optional(),
    salaryMax: requisitionFields.salaryMax.optional(),
    currency: requisitionFields.currency.optional(),
  })
  .strict()
  .refine(salaryRangeIsOrdered, {
    message: 'The minimum salary must not be more than the maximum salary.',
    path: ['salaryMin'],
  });
export type RequisitionCreate = z.infer<typeof requisitionCreate>;

export const requisitionPatch = z
  .object(requisitionFields)
  .partial()
  .strict()
  .refine((p) => Object.keys(p).length > 0, 'give at least one field to change')
  .refine(salaryRangeIsOrdered, {
    message: 'The minimum salary must not be more than the maximum salary.',
    path: ['salaryMin'],
  });
export type RequisitionPatch = z.infer<typeof requisitionPatch>;

export const requisitionStatuses = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export type RequisitionStatus = (typeof requisitionStatuses)[number];

export const requisitionReject = z.object({ remarks: longText.trim().min(1) }).strict();

export const portalParams = {
  jobId: z.object({ jobId: id }),
  jobSubmission: z.object({ jobId: id, submissionId: id }),
  reqId: z.object({ reqId: id }),
};

export { limits };
