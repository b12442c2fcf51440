import { ApplicationFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/** kampung_activity_failures{activity_type, error_type}: every failed attempt of an activity, beside
 * the SDK's own temporal_activity_execution_failed, with the kind of error (a class or an
 * ApplicationFailure type, never its message: messages can name people). Exported with the
 * worker's other metrics when WORKER_METRICS_ADDRESS is set; a no-op otherwise. */
export const activityFailureMetrics: ActivityInterceptorsFactory = (ctx) => {
  const failures = ctx.metricMeter.createCounter('kampung_activity_failures', 'attempts', 'Failed activity attempts, by activity type and kind of error');
  return {
    inbound: {
      async execute(input, next) {
        try {
          return await next(input);
        } catch (error) {
          failures.add(1, { activity_type: ctx.info.activityType, error_type: errorType(error) });
          throw error;
        }
      },
    },
  };
};

function errorType(error: unknown): string {
  if (error instanceof ApplicationFailure && error.type) return error.type;
  if (error instanceof Error) return error.constructor.name === 'Error' ? error.name : error.constructor.name;
  return typeof error;
}
