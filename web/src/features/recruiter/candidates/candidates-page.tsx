import { Page } from '../../../components/ui/page.tsx';

export default function CandidatesPage() {
  return (
    <Page title="Candidates">
      <p>Loading…</p>
    </Page>
  );
}
