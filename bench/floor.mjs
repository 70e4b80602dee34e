#!/usr/bin/env node
// The floor: the least a linter process can do with a draft. Starts Node,
// reads the file, decodes it and visits each UTF-16 code unit once.
import { readFileSync } from 'node:fs';

const text = readFileSync(process.argv[2], 'utf8');
let checksum = 0;
for (let i = 0; i < text.length; i++) checksum = (checksum + text.charCodeAt(i)) | 0;
process.stdout.write(`${text.length} ${checksum}\n`);
