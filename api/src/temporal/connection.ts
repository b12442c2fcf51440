import {
  Connection,
  ServiceError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  defaultGrpcRetryOptions,
  isGrpcServiceError,
  makeGrpcRetryInterceptor,
  type ConnectionOptions,
} from '@temporalio/client';

type Interceptor = NonNullable<ConnectionOptions['interceptors']>[number];

/** Every call gets a deadline unless its caller set one, so a Temporal server that is down or hung
 * costs a request at most `ms`. A call that fails early (UNAVAILABLE and the like) is tried again
 * with the SDK's own backoff, but only while the next try would start before the deadline: the
 * SDK's retries alone know no deadline and would keep a request waiting seconds past it. */
function boundedCalls(ms: number): Interceptor {
  const sdk = defaultGrpcRetryOptions();
  return (options, nextCall) => {
    const deadline = options.deadline ?? Date.now() + ms;
    const deadlineMs = deadline instanceof Date ? deadline.getTime() : deadline;
    let delay = 0;
    const retry = makeGrpcRetryInterceptor({
      retryableDecider: (attempt, status) => {
        delay = sdk.delayFunction(attempt, status);
        return sdk.retryableDecider(attempt, status) && Date.now() + delay < deadlineMs;
      },
      delayFunction: () => delay,
    });
    return retry({ ...options, deadline }, nextCall);
  };
}

/** The API's connection to Temporal: calls bounded by `callTimeoutMs`, transient failures retried
 * within that bound, and a lost server tried again every few seconds at most, so that the API
 * recovers by itself soon after the server is back. It fails if the server cannot be reached within
 * `connectTimeoutMs`. */
export function connectTemporal(address: string, { callTimeoutMs, connectTimeoutMs = 5_000 }: { callTimeoutMs: number; connectTimeoutMs?: number }): Promise<Connection> {
  return Connection.connect({
    address,
    connectTimeout: connectTimeoutMs,
    interceptors: [boundedCalls(callTimeoutMs)],
    channelArgs: { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 3_000 },
  });
}

/** Whether an error comes from a Temporal server that did not answer (down, hung, unreachable). */
export function isTemporalUnavailable(error: unknown): boolean {
  return error instanceof ServiceError || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcServiceError(error);
}
