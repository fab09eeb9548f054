import { DefaultLogger, type LogLevel, Runtime, type RuntimeOptions } from '@temporalio/worker';
import type { Logger } from '../lib/logger.js';

/** Our log level (pino's names) as the SDK's: the levels both have map across, the rest to the nearest. */
export function sdkLogLevel(level: string): LogLevel {
  switch (level) {
    case 'trace':
    case 'debug':
    case 'info':
    case 'warn':
    case 'error':
      return level.toUpperCase() as LogLevel;
    case 'fatal':
    case 'silent':
      return 'ERROR';
    default:
      return 'INFO';
  }
}

/**
 * Installs the Temporal SDK runtime of a process (once, before any worker or native connection): its
 * logs go through our pino logger (entries carry workflow and activity ids, never payloads).
 */
export function installTemporalRuntime(
  log: Logger,
  level: string,
  options: Pick<RuntimeOptions, 'telemetryOptions' | 'shutdownSignals'> = {},
): void {
  Runtime.install({
    logger: new DefaultLogger(sdkLogLevel(level), (entry) => {
      const method = entry.level.toLowerCase() as 'trace' | 'debug' | 'info' | 'warn' | 'error';
      log[method]({ sdk: true, ...entry.meta }, entry.message);
    }),
    ...options,
  });
}
