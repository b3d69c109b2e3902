/** Hides credentials passed in query strings (`?token=`, `?ticket=`...) before logging. */

// `ticket`: WebSocket tickets are single use, but one logged before its upgrade could be replayed.
const SECRET_PARAM =
  /([?&](?:access_?token|refresh_?token|token|ticket|password|secret|api_?key|apikey)=)[^&#]*/gi;

/** The URL with the values of credential-like query parameters replaced by `[Redacted]`. */
export function redactUrl(url: string): string {
  return url.includes('?') ? url.replace(SECRET_PARAM, '$1[Redacted]') : url;
}
