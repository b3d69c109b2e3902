/** `@Controller(prefix, { tags })`: a class whose methods are routes. */
import { Injectable } from '../../di/injectable.decorator.js';
import { CONTROLLER } from '../metadata-keys.js';

/** Controller-level options. */
export interface ControllerOptions {
  /** OpenAPI tags applied to every route of the controller. */
  tags?: string[];
}

/** What `@Controller` stores. */
export interface ControllerMetadata extends ControllerOptions {
  prefix: string;
}

/** Declares a controller; its routes are compiled at boot. */
export function Controller(prefix = '', options: ControllerOptions = {}): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(CONTROLLER, { prefix, ...options } satisfies ControllerMetadata, target);
    Injectable()(target);
  };
}
