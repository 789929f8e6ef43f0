import { Route } from 'react-router';
import { OperatorOnly } from './layout/operator-only';
import { AdminAuditPage } from './pages/admin-audit-page';
import { AdminChannelsPage } from './pages/admin-channels-page';
import { AdminPricesPage } from './pages/admin-prices-page';
import { AdminUsagePage } from './pages/admin-usage-page';
import { AdminUsersPage } from './pages/admin-users-page';
import { BatchesPage } from './pages/batches-page';
import { FilesPage } from './pages/files-page';
import { MyChannelsPage } from './pages/my-channels-page';

/** The routes of the files, batches, own channels and operator pages, inside the signed-in layout. */
export const OPS_ROUTES = [
  <Route key="files" path="/files" element={<FilesPage />} />,
  <Route key="batches" path="/batches" element={<BatchesPage />} />,
  <Route key="channels" path="/channels" element={<MyChannelsPage />} />,
  <Route key="admin" element={<OperatorOnly />}>
    <Route path="/admin/users" element={<AdminUsersPage />} />
    <Route path="/admin/channels" element={<AdminChannelsPage />} />
    <Route path="/admin/prices" element={<AdminPricesPage />} />
    <Route path="/admin/usage" element={<AdminUsagePage />} />
    <Route path="/admin/audit-log" element={<AdminAuditPage />} />
  </Route>,
];
