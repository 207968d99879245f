/**
 * `docs/api.md`: the OpenAPI document as a page a person reads in a clone, without running the app
 * (the running app shows the same document at `/docs/api`). Every route with its method, path,
 * summary, authentication, parameters, request body fields and responses (status, meaning and the
 * error codes the document names), then the answer schemas. Written by `npm run openapi`; the
 * freshness test fails when it is stale.
 */
import {
  type JsonSchema,
  type OpenApi,
  type Op,
  operationsByTag,
  resolve,
  typeText,
} from '../../web/src/features/api-docs/openapi-model.ts';

/** The field classes of shared/api/schemas/text.ts, in words (docs/input-rules.md): their patterns are unreadable. */
const knownPatterns: [RegExp, string][] = [
  [/^\^\[\^\\u0000-\\u001F\\u007F-\\u009F\\u2028/, 'one line, no control or bidi characters'],
  [/^\^\[\^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F/, 'no control characters but tab and line breaks'],
];

/** A table cell: no line breaks, and `|` escaped. */
const cell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

function patternText(pattern: string): string {
  return knownPatterns.find(([p]) => p.test(pattern))?.[1] ?? `pattern ${code(pattern)}`;
}

/** Limits and notes in words: "1–200 characters, one line", "1..1000", "default 25". */
function notes(schema: JsonSchema): string {
  const union = schema.anyOf ?? schema.oneOf;
  const own = union?.find((s) => s.type !== 'null') ?? schema;
  const parts: string[] = [];
  if (own.minLength !== undefined || own.maxLength !== undefined)
    parts.push(`${own.minLength ?? 0}–${own.maxLength ?? '∞'} characters`);
  if (own.minimum !== undefined || own.maximum !== undefined)
    parts.push(`${own.minimum ?? '−∞'}..${own.maximum ?? '∞'}`);
  if (own.pattern) parts.push(patternText(own.pattern));
  const fallback = schema.default ?? own.default;
  if (fallback !== undefined) parts.push(`default ${code(JSON.stringify(fallback))}`);
  const description = schema.description ?? own.description;
  if (description) parts.push(description);
  return parts.join('; ');
}

const anchor = (name: string) => `#${name.toLowerCase()}`;
/** A type, with the named schemas linked to their section below. */
function typeCell(doc: OpenApi, schema: JsonSchema): string {
  const text = typeText(doc, schema);
  const names = new Set(Object.keys(doc.components?.schemas ?? {}));
  return text
    .split(/(\w+)/)
    .map((part) => (names.has(part) ? `[${part}](${anchor(part)})` : cell(part)))
    .join('');
}

interface Field {
  name: string;
  schema: JsonSchema;
  required: boolean;
}

/** An object's fields, nested inline objects flattened to dotted names (`portal.status`). */
function fieldsOf(doc: OpenApi, schema: JsonSchema, prefix = ''): Field[] {
  const object = resolve(doc, schema);
  const out: Field[] = [];
  for (const [name, property] of Object.entries(object.properties ?? {})) {
    const field = {
      name: `${prefix}${name}`,
      schema: property,
      required: object.required?.includes(name) ?? false,
    };
    out.push(field);
    if (!property.$ref && property.type === 'object' && property.properties)
      out.push(...fieldsOf(doc, property, `${field.name}.`));
  }
  return out;
}

function fieldTable(doc: OpenApi, fields: Field[]): string[] {
  return [
    '| field | type | required | notes |',
    '| --- | --- | --- | --- |',
    ...fields.map(
      (f) =>
        `| ${code(f.name)} | ${typeCell(doc, f.schema)} | ${f.required ? 'yes' : 'no'} | ${cell(notes(f.schema))} |`,
    ),
  ];
}

const schemes: Record<string, string> = {
  recruiterJwt: 'a recruiter: `Authorization: Bearer <Cognito ID token>`',
  portalSession: 'a portal session: the `portal_session` cookie',
  portalCsrf: '`X-Requested-With: portal` (the CSRF guard)',
};

function authText(op: Op): string {
  if (!op.security || op.security.length === 0) return 'none (public)';
  return op.security
    .map((requirement) => {
      const names = Object.keys(requirement);
      const text = names.map((n) => schemes[n] ?? code(n)).join(' and ');
      return names.length === 1 && names[0] === 'portalCsrf' ? `none (public), but ${text}` : text;
    })
    .join('; or ');
}

/** The error codes a response's description names (`` `not_pending` ``), for the codes column. */
const codesIn = (description: string) =>
  [...description.matchAll(/`([a-z][a-z0-9_]*)`/g)]
    .map((m) => m[1] as string)
    .filter((c) => !['details'].includes(c));

function operationSection(doc: OpenApi, op: Op): string[] {
  const lines = [`### ${op.method} ${op.path}`, '', op.summary ?? '', '', `- **Auth:** ${authText(op)}`];
  lines.push(`- **Operation:** ${code(op.operationId)}`, '');
  for (const where of ['path', 'query'] as const) {
    const params = (op.parameters ?? []).filter((p) => p.in === where);
    if (params.length === 0) continue;
    lines.push(`**${where === 'path' ? 'Path' : 'Query'} parameters**`, '');
    lines.push(
      ...fieldTable(
        doc,
        params.map((p) => ({
          name: p.name,
          schema: { ...(p.schema ?? {}), ...(p.description ? { description: p.description } : {}) },
          required: p.required ?? false,
        })),
      ),
      '',
    );
  }
  const body = op.requestBody?.content['application/json']?.schema;
  if (body) {
    const fields = fieldsOf(doc, body);
    lines.push('**Request body** (`application/json`)', '');
    lines.push(...(fields.length ? fieldTable(doc, fields) : [`${typeCell(doc, body)}`]), '');
  }
  lines.push(
    '**Responses**',
    '',
    '| status | meaning | error codes named | body |',
    '| --- | --- | --- | --- |',
  );
  for (const [status, answer] of Object.entries(op.responses)) {
    const schema = answer.content?.['application/json']?.schema;
    const codes = Number(status) >= 400 ? codesIn(answer.description).map(code).join(', ') : '';
    lines.push(
      `| ${status} | ${cell(answer.description)} | ${codes || '—'} | ${schema ? typeCell(doc, schema) : '—'} |`,
    );
  }
  lines.push('');
  return lines;
}

export function apiMarkdown(doc: OpenApi): string {
  const groups = operationsByTag(doc);
  const count = groups.reduce((n, [, ops]) => n + ops.length, 0);
  const lines = [
    '<!-- Generated by `npm run openapi` from web/public/openapi.json (the route table, shared/api). Do not edit by hand. -->',
    '',
    `# ${doc.info.title}`,
    '',
    doc.info.description ?? '',
    '',
    `${count} routes. The same document is served at \`/openapi.json\` and shown at \`/docs/api\` by the running app; ` +
      'the machine-readable copy is [`web/public/openapi.json`](../web/public/openapi.json). What each portal 401 ' +
      'code means for a person: [portal-errors.md](portal-errors.md); the behaviours B1…B24: [product.md](product.md).',
    '',
    '## Errors',
    '',
    'Every error answers `{"error": {"code", "message", "details"}}` ([Error](#error)): `code` is snake_case and ' +
      'stable, what a program acts on; `message` is a sentence for a person; on a 400 `details` names each field. ' +
      "The HTTP API's own 401 (no or a bad bearer token on `/crm/*`) and its 404 for an unknown route answer " +
      '`{"message"}` ([GatewayError](#gatewayerror)) instead. The codes named below are those the document names; ' +
      'each status may carry others of the same kind.',
    '',
    '## Contents',
    '',
  ];
  for (const [tag, ops] of groups) {
    lines.push(`- ${tag}`);
    for (const op of ops)
      lines.push(
        `  - [${op.method} ${op.path}](#${`${op.method} ${op.path}`
          .toLowerCase()
          .replace(/[^a-z0-9 -]/g, '')
          .replace(/ /g, '-')}) — ${op.summary ?? ''}`,
      );
  }
  lines.push('- [Schemas](#schemas)', '');
  for (const [tag, ops] of groups) {
    lines.push(`## ${tag}`, '');
    for (const op of ops) lines.push(...operationSection(doc, op));
  }
  lines.push('## Schemas', '');
  for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
    lines.push(`### ${name}`, '');
    if (schema.description) lines.push(schema.description, '');
    const fields = fieldsOf(doc, schema);
    lines.push(...(fields.length ? fieldTable(doc, fields) : [typeCell(doc, schema)]), '');
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
