/** Reflect-metadata keys of the HTTP decorators. */
export const CONTROLLER = Symbol('keel:controller');
export const ROUTES = Symbol('keel:routes');
export const ROUTE_PARAMS = Symbol('keel:route-params');
export const HTTP_CODE = Symbol('keel:http-code');
export const GUARDS = Symbol('keel:guards');
export const INTERCEPTORS = Symbol('keel:interceptors');
export const FILTERS = Symbol('keel:filters');
export const CATCH = Symbol('keel:catch');
