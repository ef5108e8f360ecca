import type { CalloutError } from '@switchboard/webhooks';

/** The reason of a refusal from its problem+json body (`details.reason`, else `detail`), else the error's message. */
export function refusalReason(error: CalloutError): string {
  const body = error.body as { details?: { reason?: unknown }; detail?: unknown } | undefined;
  const reason = body?.details?.reason ?? body?.detail;
  return typeof reason === 'string' && reason.length > 0 ? reason : error.message;
}
