import { PublicLayout } from '../../components/layout/public-layout.tsx';
import { Page } from '../../components/ui/page.tsx';

export default function RecruiterApp() {
  return (
    <PublicLayout>
      <Page title="Recruiter console">
        <p>The recruiter console is being built.</p>
      </Page>
    </PublicLayout>
  );
}
