/** Plays the user's browser at the provider: follows redirects with its cookies, no JavaScript. */

/** One browser session at the provider (a fresh one logs in again). */
export class IdpBrowser {
  private readonly jar = new Map<string, string>();

  /** @param appBase where the provider sends the browser back (the Keel app's base URL) */
  constructor(private readonly appBase: string) {}

  /** Follows `url` through the provider until it redirects back to the app; returns that URL. */
  async authorize(url: string): Promise<URL> {
    let next = url;
    for (let hop = 0; hop < 10; hop++) {
      if (next.startsWith(this.appBase)) return new URL(next);
      const response = await fetch(next, {
        redirect: 'manual',
        headers: { cookie: [...this.jar].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const line of response.headers.getSetCookie()) this.keep(line);
      const location = response.headers.get('location');
      if (!location) {
        throw new Error(
          `the provider answered ${response.status} at ${next}: ${await response.text()}`,
        );
      }
      next = new URL(location, next).href;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  private keep(setCookie: string): void {
    const [pair = ''] = setCookie.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(setCookie))
      this.jar.delete(name);
    else this.jar.set(name, value);
  }
}
