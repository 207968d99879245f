import { z } from 'zod';
import { email, id, longText, name, optionalName, stage, stages } from './common.ts';

export const accountPatch = z
  .object({
    portalEnabled: z.boolean().optional(),
    notificationEmail: email.nullable().optional(),
    portalName: name.optional(),
  })
  .strict();
export type AccountPatch = z.infer<typeof accountPatch>;

export const organizationCreate = z.object({ name }).strict();
export const organizationPatch = z.object({ name }).strict();

/**
 * A contact's email is CRM data and may be malformed (imported lists); the portal refuses such a
 * contact with `invalid_email` (B2) rather than the CRM refusing to store it.
 */
const contactEmail = z.string().trim().max(254);
const phone = z.string().trim().max(50);

export const contactCreate = z
  .object({
    firstName: name,
    lastName: name,
    email: contactEmail.nullable().optional(),
    phone: phone.nullable().optional(),
    organizationId: id.nullable().optional(),
  })
  .strict();
export type ContactCreate = z.infer<typeof contactCreate>;

export const contactPatch = z
  .object({
    firstName: name.optional(),
    lastName: name.optional(),
    email: contactEmail.nullable().optional(),
    phone: phone.nullable().optional(),
    organizationId: id.nullable().optional(),
  })
  .strict();
export type ContactPatch = z.infer<typeof contactPatch>;

const allowedStages = z
  .array(z.enum(stages))
  .max(stages.length)
  .refine((list) => new Set(list).size === list.length, 'must not repeat a stage');

export const jobCreate = z
  .object({
    title: name,
    description: longText,
    organizationId: id,
    primaryContactId: id.nullable().optional(),
    location: optionalName.nullable().optional(),
    clientAllowedStages: allowedStages.optional(),
  })
  .strict();
export type JobCreate = z.infer<typeof jobCreate>;

export const jobPatch = z
  .object({
    title: name.optional(),
    description: longText.optional(),
    organizationId: id.optional(),
    primaryContactId: id.nullable().optional(),
    location: optionalName.nullable().optional(),
    status: z.enum(['open', 'closed']).optional(),
    clientAllowedStages: allowedStages.optional(),
  })
  .strict();
export type JobPatch = z.infer<typeof jobPatch>;

export const candidateCreate = z
  .object({
    firstName: name,
    lastName: name,
    email: contactEmail.nullable().optional(),
    phone: phone.nullable().optional(),
    headline: optionalName.nullable().optional(),
    summary: longText.nullable().optional(),
  })
  .strict();
export type CandidateCreate = z.infer<typeof candidateCreate>;

export const submissionCreate = z.object({ candidateId: id }).strict();

export const submissionPatch = z
  .object({
    stage: stage.optional(),
    remark: longText.trim().min(1).optional(),
    remarkVisibility: z.enum(['internal', 'client']).optional(),
  })
  .strict()
  .refine((b) => b.stage !== undefined || b.remark !== undefined, 'give a stage, a remark or both');
export type SubmissionPatch = z.infer<typeof submissionPatch>;
