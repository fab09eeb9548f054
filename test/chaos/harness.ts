import { inject } from 'vitest';
import type { ShapeControl, ShapeDescription } from './experiments.js';

/** The production shape started by test/chaos/global-setup.ts, through its control server. */
export function shapeControl(): ShapeControl {
  const base = inject('chaosControl');
  const call = async (method: string, path: string) => {
    const res = await fetch(`${base}${path}`, { method });
    const body = (await res.json()) as { error?: string };
    if (!res.ok) throw new Error(`${method} ${path}: ${body.error ?? res.status}`);
    return body;
  };
  return {
    describe: async () => (await call('GET', '/shape')) as unknown as ShapeDescription,
    kill: async (name) => {
      await call('POST', `/kill/${name}`);
    },
    start: async (name) => {
      await call('POST', `/start/${name}`);
    },
  };
}
