/** Joins route path segments: `joinPaths('/api/v1', 'users', '/:id')` is `/api/v1/users/:id`. */

/** Joins segments with single slashes; no trailing slash except for the root. */
export function joinPaths(...segments: readonly string[]): string {
  const parts = segments.flatMap((segment) => segment.split('/')).filter((part) => part.length > 0);
  return `/${parts.join('/')}`;
}
