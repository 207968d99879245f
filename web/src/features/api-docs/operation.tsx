import { type JsonSchema, limitsText, type Op, type OpenApi, resolve, typeText } from './openapi-model.ts';

function Fields({ doc, schema, label }: { doc: OpenApi; schema: JsonSchema; label: string }) {
  const s = resolve(doc, schema);
  if (!s.properties)
    return (
      <p>
        <code>{typeText(doc, schema)}</code>
      </p>
    );
  return (
    // Focusable and named, so a keyboard can scroll it on a narrow screen.
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="api-fields">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Type</th>
            <th scope="col">Required</th>
            <th scope="col">Rules</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(s.properties).map(([name, field]) => (
            <tr key={name}>
              <td>
                <code>{name}</code>
              </td>
              <td>
                <code>{typeText(doc, field)}</code>
              </td>
              <td>{s.required?.includes(name) ? 'yes' : 'no'}</td>
              <td>{[field.description, limitsText(field)].filter(Boolean).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const schemeText: Record<string, string> = {
  recruiterJwt: 'Recruiter: bearer ID token',
  portalSession: 'Portal session cookie',
  portalCsrf: 'Header X-Requested-With: portal',
};
const authText = (op: Op) => {
  const schemes = Object.keys(op.security?.[0] ?? {});
  const text = schemes.map((s) => schemeText[s] ?? s);
  return schemes.includes('recruiterJwt') || schemes.includes('portalSession')
    ? text.join(' + ')
    : ['Public', ...text].join(' + ');
};

export function Operation({ doc, op }: { doc: OpenApi; op: Op }) {
  const body = op.requestBody?.content['application/json']?.schema;
  return (
    <article className="api-op" aria-labelledby={`op-${op.operationId}`}>
      <h3 id={`op-${op.operationId}`}>
        <span className={`method method-${op.method.toLowerCase()}`}>{op.method}</span> <code>{op.path}</code>
      </h3>
      <p>{op.summary}</p>
      <p className="meta">
        <span>{authText(op)}</span>
      </p>
      {op.parameters && op.parameters.length > 0 ? (
        <>
          <h4>Parameters</h4>
          <ul>
            {op.parameters.map((p) => (
              <li key={`${p.in}-${p.name}`}>
                <code>{p.name}</code> ({p.in}
                {p.required ? ', required' : ''}):{' '}
                <code>{p.schema ? typeText(doc, p.schema) : 'string'}</code>
                {p.schema && limitsText(p.schema) ? ` — ${limitsText(p.schema)}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {body ? (
        <>
          <h4>Request body</h4>
          <Fields doc={doc} schema={body} label={`${op.method} ${op.path}: request body fields`} />
        </>
      ) : null}
      <h4>Answers</h4>
      <ul>
        {Object.entries(op.responses).map(([status, r]) => {
          const schema = r.content?.['application/json']?.schema;
          return (
            <li key={status}>
              <strong>{status}</strong> {r.description}
              {schema ? (
                <>
                  {' '}
                  — <code>{typeText(doc, schema)}</code>
                </>
              ) : null}
            </li>
          );
        })}
      </ul>
    </article>
  );
}
