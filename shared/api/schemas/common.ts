import { z } from 'zod';

/** SPEC §3 limits, defined once. */
export const limits = {
  name: 200,
  longText: 10_000,
  bodyBytes: 64 * 1024,
  pageDefault: 25,
  pageMax: 100,
} as const;

/** Ids are ULIDs; anything else can never be a key of ours (and must not reach a key builder). */
export const id = z.string().regex(/^[0-9A-Za-z]{10,40}$/, 'must be an id');
export const name = z.string().trim().min(1).max(limits.name);
export const optionalName = z.string().trim().max(limits.name);
export const longText = z.string().max(limits.longText);
export const email = z.email().max(254);

export const listQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(limits.pageMax).default(limits.pageDefault),
    cursor: z.string().max(2048).optional(),
  })
  .strict();
export type ListQuery = z.infer<typeof listQuery>;

export const requisitionListQuery = listQuery
  .extend({ status: z.enum(['pending', 'approved', 'rejected', 'withdrawn']).optional() })
  .strict();
export type RequisitionListQuery = z.infer<typeof requisitionListQuery>;

export const stages = ['submitted', 'shortlisted', 'interview', 'offer', 'hired', 'rejected'] as const;
export const stage = z.enum(stages);
export type Stage = z.infer<typeof stage>;
export const defaultClientAllowedStages: Stage[] = ['shortlisted', 'interview', 'rejected'];

export const params = {
  orgId: z.object({ orgId: id }),
  contactId: z.object({ contactId: id }),
  jobId: z.object({ jobId: id }),
  candidateId: z.object({ candidateId: id }),
  jobSubmission: z.object({ jobId: id, submissionId: id }),
  reqId: z.object({ reqId: id }),
};
