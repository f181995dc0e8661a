#!/usr/bin/env node
// Runs the TypeScript sources directly (swc transpiles on load); no build step is needed to use the suite.
const path = require('node:path');
process.env.SWC_NODE_PROJECT = process.env.SWC_NODE_PROJECT || path.join(__dirname, '..', 'tsconfig.json');
require('@swc-node/register');
require('../tools/cli/main.ts');
