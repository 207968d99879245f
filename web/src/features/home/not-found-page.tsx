import { Link } from 'wouter';
import { PublicLayout } from '../../components/layout/public-layout.tsx';
import { Page } from '../../components/ui/page.tsx';

export default function NotFoundPage() {
  return (
    <PublicLayout>
      <Page title="Page not found">
        <p>There is no page at this address. It may have moved, or the link may be incomplete.</p>
        <p>
          <Link href="/">Go to the start page</Link>
        </p>
      </Page>
    </PublicLayout>
  );
}
