import type * as z from 'zod/mini';

/**
 * The first message per top-level field of a failed parse — the route table's own schemas, so the
 * rules are exactly the API's — in words a person understands.
 */
export function issuesByField(
  error: z.core.$ZodError,
  labels: Record<string, string>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '(form)');
    out[key] ??= friendly(issue, labels[key] ?? key);
  }
  return out;
}

function friendly(issue: z.core.$ZodIssue, label: string): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return `Enter the ${label.toLowerCase()}.`;
      if (issue.origin === 'string') return `${label} needs at least ${String(issue.minimum)} characters.`;
      return `${label} must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string')
        return `${label} is too long: at most ${String(issue.maximum)} characters.`;
      return `${label} must be at most ${String(issue.maximum)}.`;
    case 'invalid_type':
      return issue.expected === 'number' ? `${label} must be a number.` : `Enter the ${label.toLowerCase()}.`;
    case 'invalid_format':
      return issue.format === 'email'
        ? 'Enter an e-mail address such as name@company.com.'
        : `${label}: ${issue.message}.`;
    case 'invalid_value':
      return `Choose the ${label.toLowerCase()}.`;
    case 'custom':
      return issue.message; // the schema's own sentence
    default:
      return `${label}: ${issue.message}.`;
  }
}
