/** `SetMetadata(key, value)`: attach data to a class or handler for guards to read with `Reflector`. */

/** Stores `value` under `key` on the class, or on the handler function for methods. */
export function SetMetadata<V>(key: string | symbol, value: V): ClassDecorator & MethodDecorator {
  return (target: object, _method?: string | symbol, descriptor?: PropertyDescriptor) => {
    Reflect.defineMetadata(key, value, descriptor ? descriptor.value : target);
  };
}
