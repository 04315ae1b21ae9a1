#!/usr/bin/env node
console.log('container-lab');
