import { Page } from '../layout/page';

export function AccountPage() {
  return (
    <Page title="Account">
      <p>Coming next.</p>
    </Page>
  );
}
