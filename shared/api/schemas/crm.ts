import * as z from 'zod/mini';
import { email, id, longText, name, optionalName, stage, stages } from './common.ts';
import { singleLineText } from './text.ts';

/** Droppable when unused, so each bundle holds its own route's schemas only (see common.ts). */
// @__NO_SIDE_EFFECTS__
function schema<T>(build: () => T): T {
  return build();
}

export const accountPatch = schema(() =>
  z.strictObject({
    portalEnabled: z.optional(z.boolean()),
    notificationEmail: z.optional(z.nullable(email)),
    portalName: z.optional(name),
  }),
);
export type AccountPatch = z.infer<typeof accountPatch>;

export const organizationCreate = schema(() => z.strictObject({ name }));
export const organizationPatch = schema(() => z.strictObject({ name }));

/**
 * A contact's email is CRM data and may be malformed (imported lists); the portal refuses such a
 * contact with `invalid_email` (B2) rather than the CRM refusing to store it.
 */
const contactEmail = schema(() => singleLineText({ max: 254 }));
const phone = schema(() => singleLineText({ max: 50 }));

export const contactCreate = schema(() =>
  z.strictObject({
    firstName: name,
    lastName: name,
    email: z.optional(z.nullable(contactEmail)),
    phone: z.optional(z.nullable(phone)),
    organizationId: z.optional(z.nullable(id)),
  }),
);
export type ContactCreate = z.infer<typeof contactCreate>;

export const contactPatch = schema(() =>
  z.strictObject({
    firstName: z.optional(name),
    lastName: z.optional(name),
    email: z.optional(z.nullable(contactEmail)),
    phone: z.optional(z.nullable(phone)),
    organizationId: z.optional(z.nullable(id)),
  }),
);
export type ContactPatch = z.infer<typeof contactPatch>;

const allowedStages = schema(() =>
  z.array(z.enum(stages)).check(
    z.maxLength(stages.length),
    z.refine((list) => new Set(list).size === list.length, 'must not repeat a stage'),
  ),
);

export const jobCreate = schema(() =>
  z.strictObject({
    title: name,
    description: longText,
    organizationId: id,
    primaryContactId: z.optional(z.nullable(id)),
    location: z.optional(z.nullable(optionalName)),
    clientAllowedStages: z.optional(allowedStages),
  }),
);
export type JobCreate = z.infer<typeof jobCreate>;

export const jobPatch = schema(() =>
  z.strictObject({
    title: z.optional(name),
    description: z.optional(longText),
    organizationId: z.optional(id),
    primaryContactId: z.optional(z.nullable(id)),
    location: z.optional(z.nullable(optionalName)),
    status: z.optional(z.enum(['open', 'closed'])),
    clientAllowedStages: z.optional(allowedStages),
  }),
);
export type JobPatch = z.infer<typeof jobPatch>;

export const candidateCreate = schema(() =>
  z.strictObject({
    firstName: name,
    lastName: name,
    email: z.optional(z.nullable(contactEmail)),
    phone: z.optional(z.nullable(phone)),
    headline: z.optional(z.nullable(optionalName)),
    summary: z.optional(z.nullable(longText)),
  }),
);
export type CandidateCreate = z.infer<typeof candidateCreate>;

export const submissionCreate = schema(() => z.strictObject({ candidateId: id }));

export const submissionPatch = schema(() =>
  z
    .strictObject({
      stage: z.optional(stage),
      remark: z.optional(longText.check(z.trim(), z.minLength(1))),
      remarkVisibility: z.optional(z.enum(['internal', 'client'])),
    })
    .check(
      z.refine((b) => b.stage !== undefined || b.remark !== undefined, 'give a stage, a remark or both'),
    ),
);
export type SubmissionPatch = z.infer<typeof submissionPatch>;
