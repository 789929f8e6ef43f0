import type { NavItem } from './navigation';

/** Files, batches, own channels, and the operator pages (registered in navigation.ts and app.tsx). */
export const OPS_NAV_ITEMS: NavItem[] = [
  { path: '/files', label: 'Files', audience: 'keyholder' },
  { path: '/batches', label: 'Batches', audience: 'keyholder' },
  { path: '/channels', label: 'My channels', audience: 'keyholder' },
  { path: '/admin/users', label: 'Users', audience: 'operator' },
  { path: '/admin/channels', label: 'Channels', audience: 'operator' },
  { path: '/admin/prices', label: 'Models and prices', audience: 'operator' },
  { path: '/admin/usage', label: 'Usage across users', audience: 'operator' },
  { path: '/admin/audit-log', label: 'Audit log', audience: 'operator' },
];
