import { Page } from '../layout/page';

export function PlaygroundPage() {
  return (
    <Page title="Playground">
      <p>Coming next.</p>
    </Page>
  );
}
