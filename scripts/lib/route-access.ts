/** `--public` and `--roles`: who may call the routes a generated module or controller writes. */
import type { GenerateKind } from './args.js';
import { ArgsError } from './generator-errors.js';

/** The access of generated routes; the default is "any caller with a valid token". */
export interface RouteAccess {
  /** `--public`: the controller is `@Public()`, so its routes need no token. */
  isPublic: boolean;
  /** `--roles a,b`: POST, PATCH and DELETE need one of these roles (`@Roles`); empty: no role. */
  writeRoles: string[];
}

// The kinds that write a controller; only a module's has write routes.
const PUBLIC_KINDS: ReadonlySet<GenerateKind> = new Set(['module', 'controller']);
const ROLE = /^[A-Za-z][A-Za-z0-9_.:-]{0,39}$/;

/** Checks `--public` and `--roles` against the kind and each other. */
export function routeAccess(
  kind: GenerateKind,
  options: { isPublic: boolean; roles: string | undefined },
): RouteAccess {
  const { isPublic, roles } = options;
  if (isPublic && !PUBLIC_KINDS.has(kind)) {
    throw new ArgsError(
      `--public is for module and controller, which write routes; a ${kind} has none (mark routes with @Public() from #core)`,
    );
  }
  if (roles === undefined) return { isPublic, writeRoles: [] };
  if (kind !== 'module') {
    throw new ArgsError(
      `--roles is for module, whose writes it restricts; on a ${kind}, use @Roles(...) from #core`,
    );
  }
  if (isPublic) {
    throw new ArgsError(
      '--roles and --public contradict each other: role-restricted writes need a token; drop one',
    );
  }
  const writeRoles = roles.split(',').map((role) => role.trim());
  const bad = writeRoles.find((role) => !ROLE.test(role));
  if (bad !== undefined) {
    throw new ArgsError(
      `--roles "${roles}": role "${bad}" is not a role name (a letter, then letters, digits, _ . : or -), e.g. --roles admin,editor`,
    );
  }
  return { isPublic, writeRoles: [...new Set(writeRoles)] };
}
