import type { Scope } from '../../client/index.js';

/** The console's sections, in navigation order, with the scope each one needs to show anything. */
export const SECTIONS: ReadonlyArray<{ path: string; label: string; scope: Scope }> = [
  { path: '/console/leads', label: 'Leads', scope: 'leads:read' },
  { path: '/console/failed', label: 'Failed deliveries', scope: 'leads:read' },
  { path: '/console/flows', label: 'Flows', scope: 'flows:read' },
  { path: '/console/analytics', label: 'Analytics', scope: 'analytics:read' },
  { path: '/console/intent', label: 'Intent', scope: 'intent:query' },
];
