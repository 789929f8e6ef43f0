import { Link } from 'react-router';
import { Page } from '../layout/page';

export function NotFoundPage() {
  return (
    <Page title="Page not found">
      <p>
        The console has no page here. <Link to="/">Go to the overview</Link>.
      </p>
    </Page>
  );
}
