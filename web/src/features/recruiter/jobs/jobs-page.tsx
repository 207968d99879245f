import { Page } from '../../../components/ui/page.tsx';

export default function JobsPage() {
  return (
    <Page title="Jobs">
      <p>Loading…</p>
    </Page>
  );
}
