import { Page } from '../layout/page';

export function OverviewPage() {
  return (
    <Page title="Overview">
      <p>Coming next.</p>
    </Page>
  );
}
