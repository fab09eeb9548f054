import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import { closedChannelGuard } from './closed-channel-guard.js';
import { leadrailDataConverter } from './data-converter.js';
import type { PayloadKeyring } from './payload-codec.js';

/** The SDK's default retries, then the guard below them (temporal/closed-channel-guard.ts). */
export function clientInterceptors() {
  return [makeGrpcRetryInterceptor(defaultGrpcRetryOptions()), closedChannelGuard];
}

/** A Temporal client that encrypts what it sends and decrypts what it reads (temporal/payload-codec.ts). */
export async function connectClient(
  address: string,
  namespace: string,
  payloadKeys: PayloadKeyring,
): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({
    address,
    interceptors: clientInterceptors(),
  });
  return {
    client: new Client({ connection, namespace, dataConverter: leadrailDataConverter(payloadKeys) }),
    connection,
  };
}
