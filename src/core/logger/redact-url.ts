/** Hides credentials passed in query strings (`?token=`, `?access_token=`...) before logging. */

const SECRET_PARAM =
  /([?&](?:access_?token|refresh_?token|token|password|secret|api_?key|apikey)=)[^&#]*/gi;

/** The URL with the values of credential-like query parameters replaced by `[Redacted]`. */
export function redactUrl(url: string): string {
  return url.includes('?') ? url.replace(SECRET_PARAM, '$1[Redacted]') : url;
}
