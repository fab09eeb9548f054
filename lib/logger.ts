import { type DestinationStream, type Logger, pino } from 'pino';

// Leads carry personal data and requests carry API keys: neither may reach a log line. Redaction is
// by path so a careless `log.info({ lead })` still prints nothing personal.
const REDACT_PATHS = [
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'apiKey',
  '*.apiKey',
  'api_key',
  '*.api_key',
  'key',
  'secret',
  '*.secret',
  'password',
  '*.password',
  'lead',
  '*.lead',
  'lead_data',
  '*.lead_data',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'body',
  '*.body',
  // Hardening: recipient credentials, secrets and personal fields wherever they sit one level down.
  '*.key',
  'headers',
  '*.headers',
  'basic_auth',
  '*.basic_auth',
  'webhook_secret',
  '*.webhook_secret',
  'secret',
  '*.secret',
  'secrets',
  '*.secrets',
  'normalized',
  '*.normalized',
  'first_name',
  '*.first_name',
  'last_name',
  '*.last_name',
  // Parsed lead values and the sensitive field types (issue 12): never in a log line.
  'ssn',
  '*.ssn',
  'fields',
  '*.fields',
  'parsed',
  '*.parsed',
  'storable',
  '*.storable',
  'dob',
  '*.dob',
];

export function createLogger(
  options: { level?: string; name?: string; destination?: DestinationStream } = {},
): Logger {
  const settings = {
    name: options.name ?? 'leadrail',
    level: options.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: options.name ?? 'leadrail' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return options.destination ? pino(settings, options.destination) : pino(settings);
}

export type { Logger };
