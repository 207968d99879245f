import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { accountPatch, contactCreate } from '../../../shared/api/schemas/crm.ts';
import { remark, requisitionCreate, signup } from '../../../shared/api/schemas/portal.ts';
import { textMessages } from '../../../shared/api/schemas/text.ts';
import { issuesByField } from '../../../web/src/lib/zod-errors.ts';

const token = 'A'.repeat(43);
const formMessages = (schema: z.core.$ZodType, body: unknown, labels: Record<string, string>) => {
  const result = z.safeParse(schema, body);
  if (result.success) throw new Error('expected a refusal');
  return issuesByField(result.error, labels);
};

describe('the web forms show the input rules as sentences a person can act on', () => {
  it('a form shows a name with a line break as "Use a single line without control characters"', () => {
    const shown = formMessages(
      signup,
      { token, firstName: 'Ada\nLovelace', lastName: 'L\u0000' },
      { firstName: 'First name', lastName: 'Last name' },
    );
    expect(shown).toEqual({ firstName: textMessages.singleLine, lastName: textMessages.singleLine });
    expect(shown.firstName).toBe('Use a single line without control characters (no line breaks or tabs).');
  });

  it('a form shows the one message of the first rule broken, not a pile of zod codes', () => {
    expect(formMessages(accountPatch, { portalName: '\r\n' }, { portalName: 'Portal name' })).toEqual({
      portalName: textMessages.singleLine,
    });
    expect(
      formMessages(contactCreate, { firstName: 'A', lastName: 'B', phone: '+1\t555' }, { phone: 'Phone' }),
    ).toEqual({ phone: textMessages.singleLine });
  });

  it('a long text with a control character or a broken character says which', () => {
    expect(formMessages(remark, { remark: 'ok\u0007' }, { remark: 'Remark' }).remark).toBe(
      'Remove the control characters: line breaks and tabs are the only ones allowed here.',
    );
    const shown = formMessages(
      requisitionCreate,
      { title: 'Welder \u202e', description: 'x\ud800', employmentType: 'full_time', openings: 1 },
      { title: 'Job title', description: 'Description' },
    );
    expect(shown.title).toBe(textMessages.direction);
    expect(shown.description).toBe(textMessages.brokenCharacter);
  });
});
