/**
 * The configured providers and their clients. An OIDC provider is discovered on first use (with
 * a timeout) and cached; one that cannot be discovered answers 503 and is tried again next time,
 * so a provider that is down never blocks the boot or the other providers.
 */
import * as client from 'openid-client';
import { Inject, Injectable } from '#core';
import { GithubPresetClient } from './github-preset.client.js';
import { OidcProviderUnavailableError, OidcProviderUnknownError } from './oidc.errors.js';
import type { ProviderClient } from './oidc.types.js';
import { OidcDiscoveredClient } from './oidc-discovered.client.js';
import {
  isLoopbackHttp,
  OIDC_OPTIONS,
  type ResolvedOidcOptions,
  type ResolvedProvider,
} from './oidc-options.js';

/** Provider lookup and the discovery cache. */
@Injectable()
export class OidcProviders {
  // One promise per provider: concurrent first requests share a single discovery.
  private readonly clients = new Map<string, Promise<ProviderClient>>();

  constructor(@Inject(OIDC_OPTIONS) private readonly options: ResolvedOidcOptions) {}

  /** The provider named `name`; 404 OIDC_PROVIDER_UNKNOWN when none is. */
  provider(name: string): ResolvedProvider {
    const provider = this.options.providers.get(name);
    if (!provider) throw new OidcProviderUnknownError(name);
    return provider;
  }

  /** Its client, discovered once; 503 while the provider cannot be discovered. */
  client(name: string): Promise<ProviderClient> {
    const provider = this.provider(name);
    const cached = this.clients.get(name);
    if (cached) return cached;
    const made = this.make(provider).catch((error: unknown) => {
      this.clients.delete(name);
      throw new OidcProviderUnavailableError(name, error);
    });
    this.clients.set(name, made);
    return made;
  }

  private async make(provider: ResolvedProvider): Promise<ProviderClient> {
    const timeout = this.options.httpTimeoutSeconds;
    if (provider.preset === 'github') return GithubPresetClient.create(provider, timeout);
    const execute = isLoopbackHttp(provider.issuer) ? [client.allowInsecureRequests] : [];
    const config = await client.discovery(
      provider.issuer,
      provider.clientId,
      provider.clientSecret,
      // OIDC's default client authentication (openid-client's own default is client_secret_post).
      client.ClientSecretBasic(provider.clientSecret),
      { timeout, execute },
    );
    return new OidcDiscoveredClient(config, provider);
  }
}
