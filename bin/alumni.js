#!/usr/bin/env -S node --max-semi-space-size=1 --max-old-space-size=512
// The V8 flags keep the heap from swelling on long runs of short-lived objects (a
// million-row import: 221 MB peak RSS with the defaults, 131 MB with these, at the same
// speed; see the README's benchmark).
// The compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci` via prepare).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
