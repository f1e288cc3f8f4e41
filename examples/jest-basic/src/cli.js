#!/usr/bin/env node
// A tiny command-line tool whose start-up time the perf suite guards.
const args = process.argv.slice(2)
if (args.includes('--help')) {
  console.log('usage: slug <title…>')
} else {
  console.log(
    args
      .join(' ')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-'),
  )
}
