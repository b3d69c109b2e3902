/** What the `google` and `github` presets fill in, and the scopes of a plain OIDC provider. */

/** How a provider is spoken to: OpenID Connect with discovery, or GitHub's OAuth2 without OIDC. */
export type OidcPreset = 'google' | 'github' | 'oidc';

/** The defaults a preset brings. */
export interface PresetDefaults {
  issuer?: string;
  scopes: readonly string[];
}

/** Every preset's defaults; `oidc` needs the issuer from its configuration. */
export const PRESETS: Readonly<Record<OidcPreset, PresetDefaults>> = {
  google: { issuer: 'https://accounts.google.com', scopes: ['openid', 'email', 'profile'] },
  github: { issuer: 'https://github.com', scopes: ['read:user', 'user:email'] },
  oidc: { scopes: ['openid', 'email', 'profile'] },
};

/** GitHub's REST API for github.com; a GitHub Enterprise server serves it at `<issuer>/api/v3`. */
export function githubApiUrl(issuer: string): string {
  const base = issuer.replace(/\/+$/, '');
  return base === 'https://github.com' ? 'https://api.github.com' : `${base}/api/v3`;
}

/** The preset a provider name implies when none is given: `google`, `github`, else `oidc`. */
export function presetOf(name: string, preset: OidcPreset | undefined): OidcPreset {
  if (preset) return preset;
  return name === 'google' || name === 'github' ? name : 'oidc';
}
