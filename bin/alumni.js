#!/bin/sh
':' //; exec node --max-semi-space-size=1 --max-old-space-size=512 "$0" "$@"
// The line above is read by sh (it starts node with these flags, in this same process)
// and to JavaScript is a string followed by a comment. The flags keep V8's heap from swelling on a
// long run of short-lived objects: a million-row import peaks at ~130 MB instead of
// ~220 MB, at the same speed (see the README's benchmark). A portable shebang can pass
// only one argument to its interpreter, hence sh.

// The compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci` via prepare).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
