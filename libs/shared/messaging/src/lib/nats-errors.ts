import { NatsError } from 'nats';

/** JetStream API error codes (nats-server's errors.json) that we treat as answers, not failures. */
const JetStreamErrorCode = {
  consumerNotFound: 10014,
  noMessageFound: 10037,
  streamNotFound: 10059,
} as const;

function hasErrorCode(error: unknown, code: number): boolean {
  return error instanceof NatsError && error.api_error?.err_code === code;
}

export const isStreamNotFound = (error: unknown) => hasErrorCode(error, JetStreamErrorCode.streamNotFound);
export const isConsumerNotFound = (error: unknown) => hasErrorCode(error, JetStreamErrorCode.consumerNotFound);
export const isNoMessageFound = (error: unknown) => hasErrorCode(error, JetStreamErrorCode.noMessageFound);
