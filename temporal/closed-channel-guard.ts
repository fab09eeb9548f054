import { InterceptingCall, type Interceptor, Metadata, RequesterBuilder, status } from '@grpc/grpc-js';

// The Temporal client retries an UNAVAILABLE call from a timer (its grpc-retry interceptor). When the
// connection is closed while such a retry waits (an API or script shutting down after it gave up on
// the call), the timer's new call throws "Channel has been shut down" with nobody to catch it: an
// uncaught exception. This interceptor sits below the retry: a call that cannot be created ends as
// CANCELLED instead, which the retry does not retry and the (long abandoned) caller gets as an error.

// The layer below a call that never reaches the channel: nothing to pass anything on to.
const detached: ConstructorParameters<typeof InterceptingCall>[0] = {
  cancelWithStatus() {},
  getPeer: () => '',
  start() {},
  sendMessageWithContext() {},
  sendMessage() {},
  startRead() {},
  halfClose() {},
  getAuthContext: () => null,
};

export const closedChannelGuard: Interceptor = (options, nextCall) => {
  try {
    return new InterceptingCall(nextCall(options));
  } catch (err) {
    const details = err instanceof Error ? err.message : String(err);
    return new InterceptingCall(
      detached,
      new RequesterBuilder()
        .withStart((_metadata, listener) => {
          setImmediate(() =>
            listener.onReceiveStatus({ code: status.CANCELLED, details, metadata: new Metadata() }),
          );
        })
        .withSendMessage(() => {})
        .withHalfClose(() => {})
        .withCancel(() => {})
        .build(),
    );
  }
};
