import { Page } from '../layout/page';

export function UsagePage() {
  return (
    <Page title="Usage">
      <p>Coming next.</p>
    </Page>
  );
}
