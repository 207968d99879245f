import { Page } from '../../../components/ui/page.tsx';

export default function JobPage() {
  return (
    <Page title="Job">
      <p>Loading…</p>
    </Page>
  );
}
