import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { limits } from '../api/schemas/common.ts';
import type { Route } from '../api/routes.ts';
import { DomainError, invalid } from '../domain/errors.ts';

// zod/mini carries no messages of its own (the full `zod` bundles every locale): the English ones,
// which the 400 answers' `details` show, are installed here, where requests are validated.
z.config(en());

/** A table entry is plain data (`satisfies Route`): a part it does not declare parses to `undefined`. */
type Infer<R, K extends 'body' | 'query' | 'params'> = R extends { [P in K]: infer S }
  ? S extends z.core.$ZodType
    ? z.output<S>
    : undefined
  : undefined;

export interface ParsedRequest<R extends Route> {
  body: Infer<R, 'body'>;
  query: Infer<R, 'query'>;
  params: Infer<R, 'params'>;
}

/** Per-field details: `{ "email": "Invalid email address" }`; the whole body is `(body)`. */
export function fieldDetails(error: z.core.$ZodError): Record<string, string> {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.join('.') : '(body)';
    details[field] ??= issue.message;
  }
  return details;
}

function validate<S extends z.core.$ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const result = z.safeParse(schema, input);
  if (!result.success)
    throw invalid('validation_failed', `The ${what} is not valid.`, fieldDetails(result.error));
  return result.data;
}

function rawBody(event: APIGatewayProxyEventV2): string | undefined {
  if (event.body === undefined || event.body === null) return undefined;
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

export function parseRequest<R extends Route>(route: R, event: APIGatewayProxyEventV2): ParsedRequest<R> {
  const text = rawBody(event);
  if (text !== undefined && Buffer.byteLength(text, 'utf8') > limits.bodyBytes) {
    throw new DomainError(
      'too_large',
      'payload_too_large',
      `The request body is over ${limits.bodyBytes / 1024} KB.`,
    );
  }
  let body: unknown;
  if (route.body) {
    if (text === undefined || text.trim() === '')
      throw invalid('invalid_json', 'The request needs a JSON body.');
    try {
      body = JSON.parse(text);
    } catch {
      throw invalid('invalid_json', 'The request body is not valid JSON.');
    }
    body = validate(route.body, body, 'request body');
  }
  const query = route.query
    ? validate(route.query, event.queryStringParameters ?? {}, 'query string')
    : undefined;
  const params = route.params ? validate(route.params, event.pathParameters ?? {}, 'path') : undefined;
  return { body, query, params } as ParsedRequest<R>;
}
