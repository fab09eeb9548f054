import type { Connection } from '@temporalio/client';

type WorkflowServiceMethod = keyof Connection['workflowService'];

/**
 * Counts the calls of `methods` made on `connection`'s workflow service: how many were made and how
 * many are still in flight (for tests that no call outlives the request that made it).
 */
export function countServiceCalls(connection: Connection, methods: readonly WorkflowServiceMethod[]) {
  const service = connection.workflowService;
  let inFlight = 0;
  let made = 0;
  for (const method of methods) {
    const call = (service[method] as (request: unknown) => Promise<unknown>).bind(service);
    (service as unknown as Record<string, unknown>)[method] = async (request: unknown) => {
      inFlight++;
      made++;
      try {
        return await call(request);
      } finally {
        inFlight--;
      }
    };
  }
  return { inFlight: () => inFlight, made: () => made };
}
