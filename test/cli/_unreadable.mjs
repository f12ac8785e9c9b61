// Preloaded into the CLI (node --import) by test/cli/inputs.test.ts: makes reading the folder or file
// named by EP_UNREADABLE fail with EACCES, as chmod 000 does for anyone but root. Tests run as root
// in CI containers, where chmod denies nothing, so the failure is injected at the fs call instead.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const target = process.env.EP_UNREADABLE && resolve(process.env.EP_UNREADABLE);
const denied = (path) => target !== undefined && typeof path === 'string' && resolve(path) === target;
const eacces = (syscall, path) =>
  Object.assign(new Error(`EACCES: permission denied, ${syscall} '${path}'`), { code: 'EACCES', errno: -13, syscall, path });

for (const name of ['readdirSync', 'opendirSync', 'openSync', 'readFileSync']) {
  const real = fs[name];
  fs[name] = function (path, ...rest) {
    if (denied(path)) throw eacces(name.replace(/Sync$/, '').replace('readFile', 'open'), path);
    return real.call(this, path, ...rest);
  };
}
syncBuiltinESMExports();
