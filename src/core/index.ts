/** The kernel's public API: everything users and tests import from `src/core`. */
import 'reflect-metadata';

export type { CloseOptions } from './application/app.js';
export { App } from './application/app.js';
export { type AppOptions, HTTP_OPTIONS, type HttpOptions } from './application/app-options.js';
export { createApp } from './application/create-app.js';
export type { ConfiguresServer } from './application/server-configurer.js';
export {
  enableShutdownSignals,
  type ShutdownSignalOptions,
} from './application/shutdown-signals.js';
export { ShutdownState } from './application/shutdown-state.js';
export * from './auth/index.js';
export { RequestContext, type RequestContextData } from './context/index.js';
export {
  DI_ERROR_CODES,
  DiError,
  type DiErrorCode,
  MODULE_ERROR_CODES,
  type ModuleErrorCode,
} from './di/di-error.js';
export {
  type DiscoveredInstance,
  type DiscoveredMethod,
  DiscoveryService,
} from './di/discovery.service.js';
export { type ExplainLoadErrorOptions, explainLoadError } from './di/explain-load-error.js';
export { type ForwardRef, forwardRef } from './di/forward-ref.js';
export { Global } from './di/global.decorator.js';
export { Inject } from './di/inject.decorator.js';
export { Injectable } from './di/injectable.decorator.js';
export { createToken, type InjectionToken, type Type } from './di/injection-token.js';
export type * from './di/lifecycle.js';
export { Module } from './di/module.decorator.js';
export type { DynamicModule, ModuleMetadata } from './di/module-metadata.js';
export { ModuleRef } from './di/module-ref.js';
export { createMultiToken } from './di/multi-token.js';
export { Optional } from './di/optional.decorator.js';
export type { Provider } from './di/provider.js';
export { ERRORS_DOC, errorDocLink, KeelError, seeLine } from './errors/keel-error.js';
export { EVENT_ERROR_CODES, type EventErrorCode } from './events/event-kernel-errors.js';
export { OnEvent } from './events/index.js';
export { Controller } from './http/decorators/controller.decorator.js';
export { createParamDecorator } from './http/decorators/create-param-decorator.js';
export { HttpCode } from './http/decorators/http-code.decorator.js';
export {
  Body,
  Headers,
  Param,
  Query,
  RawBody,
  Req,
  Res,
} from './http/decorators/param.decorators.js';
export { Delete, Get, Patch, Post, Put } from './http/decorators/route.decorators.js';
export type {
  CanActivate,
  GuardDocumentation,
  RouteTarget,
} from './http/enhancers/can-activate.js';
export { Catch } from './http/enhancers/catch.decorator.js';
export { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from './http/enhancers/enhancer-tokens.js';
export type { ExceptionFilter } from './http/enhancers/exception-filter.js';
export type { CallHandler, Interceptor } from './http/enhancers/interceptor.js';
export { Reflector } from './http/enhancers/reflector.js';
export { SetMetadata } from './http/enhancers/set-metadata.decorator.js';
export {
  UseFilters,
  UseGuards,
  UseInterceptors,
} from './http/enhancers/use-enhancers.decorators.js';
export * from './http/errors/index.js';
export type { ExecutionContext } from './http/execution-context.js';
export {
  HTTP_ERROR_CODES,
  HttpKernelError,
  type HttpKernelErrorCode,
} from './http/http-kernel-errors.js';
export type { RouteOptions } from './http/route-options.js';
export { ErrorBody, errorBody, errorResponses } from './http/server/index.js';
export {
  assertCatalogComplete,
  defineMessages,
  I18n,
  type Lang,
  type MessageCatalog,
  SUPPORTED_LANGS,
  t,
} from './i18n/index.js';
export { createContextLogger } from './logger/index.js';
export * from './ports/attempt-limiter.port.js';
export * from './ports/authenticator.port.js';
export * from './ports/cache.port.js';
export * from './ports/clock.port.js';
export * from './ports/health-indicator.port.js';
export * from './ports/idempotency-store.port.js';
export * from './ports/lock.errors.js';
export * from './ports/lock.port.js';
export * from './ports/logger.port.js';
export * from './ports/message-bus.port.js';
export * from './ports/rate-limit-store.port.js';
export * from './ports/ws-server.port.js';
export { createTestingModule, TestingModuleBuilder } from './testing/testing-module-builder.js';
export * from './ws/index.js';
