import { Page } from '../layout/page';

export function InvitePage() {
  return (
    <Page title="Set your password">
      <p>Coming next.</p>
    </Page>
  );
}
