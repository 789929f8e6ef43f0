/**
 * The console's pages as the navigation lists them. Key holder pages are for every signed-in user;
 * operator pages only for admins (the API refuses the rest anyway: this only keeps the menu honest).
 */
import { OPS_NAV_ITEMS } from './ops-navigation';

export interface NavItem {
  /** the hash route, e.g. `/keys` (shown as `#/keys`) */
  path: string;
  label: string;
  audience: 'keyholder' | 'operator';
}

export const NAV_ITEMS: NavItem[] = [
  { path: '/', label: 'Overview', audience: 'keyholder' },
  { path: '/keys', label: 'API keys', audience: 'keyholder' },
  { path: '/usage', label: 'Usage', audience: 'keyholder' },
  { path: '/playground', label: 'Playground', audience: 'keyholder' },
  { path: '/account', label: 'Account', audience: 'keyholder' },
  ...OPS_NAV_ITEMS,
];

export function navItemsFor(role: string, items: NavItem[] = NAV_ITEMS): NavItem[] {
  return items.filter((item) => item.audience === 'keyholder' || role === 'admin');
}
