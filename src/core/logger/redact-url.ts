/** Hides credentials passed in query strings (`?token=`, `?ticket=`...) before logging. */

// `ticket`: WebSocket tickets are single use, but one logged before its upgrade could be replayed.
// `code`: an OAuth authorization code on the sign-in callback (single use, but a bearer until then).
const SECRET_PARAM =
  /([?&](?:access_?token|refresh_?token|token|ticket|code|password|secret|api_?key|apikey)=)[^&#]*/gi;

/** The URL with the values of credential-like query parameters replaced by `[Redacted]`. */
export function redactUrl(url: string): string {
  return url.includes('?') ? url.replace(SECRET_PARAM, '$1[Redacted]') : url;
}
