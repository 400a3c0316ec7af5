#!/bin/sh
':' //; exec node --min-semi-space-size=8 --max-semi-space-size=8 --max-old-space-size=512 "$0" "$@"
// The line above is read by sh (it starts node with these flags, in this same process)
// and to JavaScript is a string followed by a comment. The flags bound V8's heap on a
// long run of short-lived objects: an 8 MB young generation keeps a million-row import
// well under 200 MB, where V8's default lets it swell to ~220 MB; a smaller one (1 MB)
// saves another 20 MB but costs the import about 10% in collections (see the README's
// benchmark). It is 8 MB from the start: growing it from 1 MB cost a short command a
// dozen young collections while its modules load (~10 ms of a 0.42 s users list). A
// portable shebang can pass only one argument to its interpreter, hence sh.

// The compiled CLI lives in dist/bundle/ (built by `npm run build`, run by `npm ci` via
// prepare: tsc, then scripts/bundle.mjs).
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv.slice(2));
