import { Page } from '../../../components/ui/page.tsx';

export default function RequisitionsPage() {
  return (
    <Page title="Requisitions">
      <p>Loading…</p>
    </Page>
  );
}
