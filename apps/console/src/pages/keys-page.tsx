import { Page } from '../layout/page';

export function KeysPage() {
  return (
    <Page title="API keys">
      <p>Coming next.</p>
    </Page>
  );
}
