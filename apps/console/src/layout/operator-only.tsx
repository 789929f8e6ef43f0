import { Outlet } from 'react-router';
import { isOperator, useSession } from '../session/session-context';
import { Page } from './page';

/** Operator pages for admins only: others get a refusal, not the page (the API refuses them anyway). */
export function OperatorOnly() {
  const session = useSession();
  if (!isOperator(session)) {
    return (
      <Page title="Not available">
        <p role="alert">This page is for operators (the admin role). Your role is {session.user.role}.</p>
      </Page>
    );
  }
  return <Outlet />;
}
