// Writes schema.json (the JSON Schema of a protocol file) from the built library, so the shipped file
// and toJSONSchema() can never drift: test/protocol/parse.test.ts compares them.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { toJSONSchema } from '../dist/index.js';

const target = fileURLToPath(new URL('../schema.json', import.meta.url));
writeFileSync(target, `${JSON.stringify(toJSONSchema(), null, 2)}\n`);
console.log(`wrote ${target}`);
