// A stand-in for an object that is built on first use (#15: the zod schemas are public values, but
// building them at import was most of the package's import time). Every operation on the stand-in is
// forwarded to the real object, built then, so `ProtocolSchema.parse(...)`, `instanceof z.ZodObject`
// (zod checks an instance's traits, which are read through the stand-in) and `z.toJSONSchema(...)`
// behave as on the schema itself. Methods run with the real object as `this`.

/**
 * @internal An object of type T that calls `make` once, on its first use, and then behaves as its result.
 * @param make - builds the real object
 * @returns the stand-in
 */
export function lazily<T extends object>(make: () => T): T {
  let real: T | undefined;
  const target = (): T => {
    real ??= make();
    return real;
  };
  return new Proxy({} as T, {
    get: (_, key) => {
      const value = Reflect.get(target(), key);
      // zod's methods are own closures over the instance, but a prototype method must see the real
      // object too: private state (a class's #fields) is not reachable through a proxy.
      return typeof value === 'function' && !Object.hasOwn(target(), key) ? value.bind(target()) : value;
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
    has: (_, key) => Reflect.has(target(), key),
    deleteProperty: (_, key) => Reflect.deleteProperty(target(), key),
    defineProperty: (_, key, descriptor) => Reflect.defineProperty(target(), key, descriptor),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // A proxy may only report a property as non-configurable if its own (empty) target has it so.
      if (descriptor) descriptor.configurable = true;
      return descriptor;
    },
    getPrototypeOf: () => Reflect.getPrototypeOf(target()),
    isExtensible: () => true,
  });
}
