import { useQuery } from '@tanstack/react-query';
import { PublicLayout } from '../../components/layout/public-layout.tsx';
import { ErrorMessage, Loading } from '../../components/ui/feedback.tsx';
import { Page } from '../../components/ui/page.tsx';
import { type OpenApi, operationsByTag } from './openapi-model.ts';
import { Operation } from './operation.tsx';

/** The API reference, read from the same /openapi.json the typed client is generated from. */
export default function ApiReferencePage() {
  const doc = useQuery({
    queryKey: ['openapi'],
    queryFn: async () => {
      const res = await fetch('/openapi.json');
      if (!res.ok) throw new Error(`The API document answered ${res.status}.`);
      return (await res.json()) as OpenApi;
    },
    staleTime: Infinity,
  });
  return (
    <PublicLayout>
      <Page title="API reference">
        <p>
          Every route of the Client Portal API, generated from its route table. The machine-readable document
          is at <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).
        </p>
        {doc.isError ? (
          <ErrorMessage>{doc.error.message}</ErrorMessage>
        ) : !doc.data ? (
          <Loading label="Loading the API document…" />
        ) : (
          <>
            <p className="prose">{doc.data.info.description}</p>
            {operationsByTag(doc.data).map(([tag, ops]) => (
              <section key={tag} aria-labelledby={`tag-${tag}`} className="api-tag">
                <h2 id={`tag-${tag}`}>{tag}</h2>
                {ops.map((op) => (
                  <Operation key={`${op.method} ${op.path}`} doc={doc.data} op={op} />
                ))}
              </section>
            ))}
          </>
        )}
      </Page>
    </PublicLayout>
  );
}
