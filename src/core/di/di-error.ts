/** The DI and module error codes (public API, see docs/errors.md) and the error that carries them. */
import { KeelError } from '../errors/keel-error.js';

/** Codes of provider resolution and lifecycle errors. */
export const DI_ERROR_CODES = {
  MISSING_PROVIDER: 'KEEL_DI_MISSING_PROVIDER',
  UNTYPED_PARAMETER: 'KEEL_DI_UNTYPED_PARAMETER',
  UNDEFINED_PARAMETER_TYPE: 'KEEL_DI_UNDEFINED_PARAMETER_TYPE',
  MISSING_METADATA: 'KEEL_DI_MISSING_METADATA',
  CYCLE: 'KEEL_DI_CYCLE',
  FORWARD_REF_NOT_READY: 'KEEL_DI_FORWARD_REF_NOT_READY',
  UNKNOWN_TOKEN: 'KEEL_DI_UNKNOWN_TOKEN',
  BAD_PROVIDER: 'KEEL_DI_BAD_PROVIDER',
  UNDEFINED_PROVIDER: 'KEEL_DI_UNDEFINED_PROVIDER',
  HOOK_FAILED: 'KEEL_DI_HOOK_FAILED',
  HOOK_TIMEOUT: 'KEEL_DI_HOOK_TIMEOUT',
  UNSUPPORTED_INJECTION: 'KEEL_DI_UNSUPPORTED_INJECTION',
} as const;

/** Codes of module graph errors (imports, exports, registrations, file cycles). */
export const MODULE_ERROR_CODES = {
  UNDEFINED_IMPORT: 'KEEL_MODULE_UNDEFINED_IMPORT',
  NOT_A_MODULE: 'KEEL_MODULE_NOT_A_MODULE',
  DUPLICATE_IMPORT: 'KEEL_MODULE_DUPLICATE_IMPORT',
  DUPLICATE: 'KEEL_MODULE_DUPLICATE',
  CYCLE: 'KEEL_MODULE_CYCLE',
  UNDEFINED_EXPORT: 'KEEL_MODULE_UNDEFINED_EXPORT',
  EXPORT_NOT_IMPORTED: 'KEEL_MODULE_EXPORT_NOT_IMPORTED',
  EXPORT_NOT_PROVIDED: 'KEEL_MODULE_EXPORT_NOT_PROVIDED',
  CIRCULAR_IMPORT: 'KEEL_MODULE_CIRCULAR_IMPORT',
} as const;

/** One of `DI_ERROR_CODES`. */
export type DiErrorCode = (typeof DI_ERROR_CODES)[keyof typeof DI_ERROR_CODES];
/** One of `MODULE_ERROR_CODES`. */
export type ModuleErrorCode = (typeof MODULE_ERROR_CODES)[keyof typeof MODULE_ERROR_CODES];

/** Thrown while building the module graph, resolving providers or running lifecycle hooks. */
export class DiError extends KeelError<DiErrorCode | ModuleErrorCode> {}
