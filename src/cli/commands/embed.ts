import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { embed as embedTables } from '../../embed/embed.js'
import { writeFileAtomic } from '../../embed/write-file.js'
import { isPerfgateError, PerfgateError } from '../../errors.js'
import type { CliContext, Command } from '../context.js'
import { DEFAULT_REPORT, isUsageError, loadReport } from './comment.js'

const HELP = `Usage: perfgate embed <file.md…> [--report path] [--check]

Replaces the table between <!-- perfgate:start NAME --> and <!-- perfgate:end NAME --> in each
file with the current | Metric | Target | Current | Status | table. NAME is \`all\`, or the start
of a test's full name or of its file path (\`src/parse.test.ts\`, \`parse > large\`), where * matches
anything. Nothing outside the markers changes; markers inside fenced code are left alone.

Options:
  --report <path>  run report to read (default: $PERFGATE_REPORT or ${DEFAULT_REPORT})
  --check          change nothing; exit 1 when a file is out of date (for CI)
  -h, --help       show this help
`

interface Options {
  files: string[]
  report: string
  check: boolean
  help: boolean
}

function options(ctx: CliContext): Options {
  const { values, positionals } = parseArgs({
    args: ctx.argv,
    allowPositionals: true,
    options: {
      report: { type: 'string' },
      check: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const help = values.help === true
  if (!help && positionals.length === 0)
    throw new PerfgateError(
      'BAD_ARGUMENT',
      'name the markdown files to update, e.g. `perfgate embed PERFORMANCE.md`.',
    )
  const report = values.report ?? (ctx.env.PERFGATE_REPORT?.trim() || DEFAULT_REPORT)
  return { files: positionals, report, check: values.check === true, help }
}

interface Planned {
  file: string
  text: string
  changed: boolean
}

// Every file is checked before any is written: one bad marker leaves all files untouched.
async function plan(ctx: CliContext, opts: Options): Promise<Planned[]> {
  const report = await loadReport(ctx.cwd, opts.report)
  const planned: Planned[] = []
  const problems: string[] = []
  for (const file of opts.files) {
    const text = await readFile(resolve(ctx.cwd, file), 'utf8').catch((error: { code?: string }) => {
      throw new PerfgateError('NOT_FOUND', `cannot read ${file} (${error.code ?? 'read failed'}).`)
    })
    const result = embedTables(text, report)
    if (!result.ok) {
      problems.push(`${file}:${result.line}: ${result.message}`)
      continue
    }
    if (result.blocks === 0) ctx.stderr.write(`perfgate embed: ${file} has no perfgate markers\n`)
    for (const w of result.warnings) ctx.stderr.write(`perfgate embed: ${file}:${w.line}: ${w.message}\n`)
    planned.push({ file, text: result.text, changed: result.changed })
  }
  if (problems.length > 0) throw new PerfgateError('BAD_MARKERS', problems.join('\nperfgate embed: '))
  return planned
}

/** `perfgate embed <file.md…> [--report path] [--check]`: keeps docs tables in step with the report. */
export const embed: Command = async (ctx) => {
  let planned: Planned[]
  let opts: Options
  try {
    opts = options(ctx)
    if (opts.help) {
      ctx.stdout.write(HELP)
      return 0
    }
    planned = await plan(ctx, opts)
  } catch (error) {
    if (!isPerfgateError(error) && !isUsageError(error)) throw error
    ctx.stderr.write(`perfgate embed: ${error.message}\n`)
    return 2
  }
  const stale = planned.filter((p) => p.changed)
  if (opts.check) {
    for (const p of stale)
      ctx.stderr.write(`perfgate embed: ${p.file} is out of date; run \`npx perfgate embed ${p.file}\`\n`)
    if (stale.length === 0) ctx.stdout.write(`perfgate embed: ${planned.length} file(s) up to date\n`)
    return stale.length > 0 ? 1 : 0
  }
  for (const p of stale) {
    try {
      await writeFileAtomic(resolve(ctx.cwd, p.file), p.text)
    } catch (error) {
      ctx.stderr.write(
        `perfgate embed: cannot write ${p.file} (${(error as { code?: string }).code ?? 'write failed'})\n`,
      )
      return 2
    }
    ctx.stdout.write(`perfgate embed: updated ${p.file}\n`)
  }
  if (stale.length < planned.length)
    ctx.stdout.write(`perfgate embed: ${planned.length - stale.length} file(s) already up to date\n`)
  return 0
}
