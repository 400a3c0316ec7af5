#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm run build`, run by `npm ci` via prepare).
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
