import * as z from 'zod/mini';
import { longTextField, singleLineText, wellFormed } from './text.ts';

/**
 * Every schema is built by `schema(() => …)`: esbuild drops a call of a function annotated as free
 * of side effects when its result is unused, so a function's bundle holds (and builds at import)
 * only the schemas its own route uses. esbuild honours the annotation in the declaring file only,
 * hence one such helper per schema file.
 */
// @__NO_SIDE_EFFECTS__
function schema<T>(build: () => T): T {
  return build();
}

/** SPEC §3 limits, defined once. */
export const limits = {
  name: 200,
  longText: 10_000,
  bodyBytes: 64 * 1024,
  pageDefault: 25,
  pageMax: 100,
} as const;

/** Ids are ULIDs; anything else can never be a key of ours (and must not reach a key builder). */
export const id = schema(() => z.string().check(z.regex(/^[0-9A-Za-z]{10,40}$/, 'must be an id')));
/** Single-line fields (docs/input-rules.md): no control characters, no line breaks. */
export const name = schema(() => singleLineText({ min: 1, max: limits.name }));
export const optionalName = schema(() => singleLineText({ max: limits.name }));
/** Long texts keep line breaks and tabs only. */
export const longText = schema(() => longTextField({ max: limits.longText }));
/** The e-mail syntax already refuses controls; the surrogate rule holds for every string. */
export const email = schema(() => z.email().check(wellFormed(), z.maxLength(254)));

const listQueryShape = schema(() => ({
  limit: z._default(
    z.coerce.number().check(z.int(), z.minimum(1), z.maximum(limits.pageMax)),
    limits.pageDefault,
  ),
  cursor: z.optional(singleLineText({ max: 2048 })),
}));
export const listQuery = schema(() => z.strictObject(listQueryShape));
export type ListQuery = z.infer<typeof listQuery>;

export const requisitionListQuery = schema(() =>
  z.strictObject({
    ...listQueryShape,
    status: z.optional(z.enum(['pending', 'approved', 'rejected', 'withdrawn'])),
  }),
);
export type RequisitionListQuery = z.infer<typeof requisitionListQuery>;

/**
 * `GET /crm/contacts`: which contacts. Only `none` (the contacts without an organization) for now;
 * an organization's contacts are `GET /crm/organizations/{orgId}/contacts`. Required, so that a
 * later "every contact" (no filter) or another value widens the route without changing an answer.
 */
export const contactListQuery = schema(() =>
  z.strictObject({
    ...listQueryShape,
    organization: z.enum(['none']),
  }),
);
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const stages = ['submitted', 'shortlisted', 'interview', 'offer', 'hired', 'rejected'] as const;
export const stage = schema(() => z.enum(stages));
export type Stage = z.infer<typeof stage>;
export const defaultClientAllowedStages: Stage[] = ['shortlisted', 'interview', 'rejected'];

/** Path parameters, one schema per shape (so that a route carries only its own). */
export const orgIdParams = schema(() => z.object({ orgId: id }));
export const contactIdParams = schema(() => z.object({ contactId: id }));
export const jobIdParams = schema(() => z.object({ jobId: id }));
export const candidateIdParams = schema(() => z.object({ candidateId: id }));
export const jobSubmissionParams = schema(() => z.object({ jobId: id, submissionId: id }));
export const reqIdParams = schema(() => z.object({ reqId: id }));
