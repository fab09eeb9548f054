import { Client, Connection } from '@temporalio/client';
import { leadrailDataConverter } from './data-converter.js';
import type { PayloadKeyring } from './payload-codec.js';

/** A Temporal client that encrypts what it sends and decrypts what it reads (temporal/payload-codec.ts). */
export async function connectClient(
  address: string,
  namespace: string,
  payloadKeys: PayloadKeyring,
): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address });
  return {
    client: new Client({ connection, namespace, dataConverter: leadrailDataConverter(payloadKeys) }),
    connection,
  };
}
