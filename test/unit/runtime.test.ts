import { describe, expect, it } from 'vitest';
import { sdkLogLevel } from '../../temporal/runtime.js';

// Both processes install the SDK runtime through one function: one mapping of our log level to the SDK's.
describe('sdkLogLevel', () => {
  it('maps the levels both have, and the others to the nearest', () => {
    expect(['trace', 'debug', 'info', 'warn', 'error'].map(sdkLogLevel)).toEqual([
      'TRACE',
      'DEBUG',
      'INFO',
      'WARN',
      'ERROR',
    ]);
    expect(sdkLogLevel('fatal')).toBe('ERROR');
    expect(sdkLogLevel('silent')).toBe('ERROR');
    expect(sdkLogLevel('verbose')).toBe('INFO');
  });
});
