/**
 * Checks HTTP requests against GitHub's own OpenAPI description (@octokit/openapi): the path and
 * method exist, path and query parameters have the declared types, and the JSON body validates
 * against the operation's request schema. The 70 MB description is parsed once per test file.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { ValidateFunction } from 'ajv'
import { Ajv } from 'ajv'
import formats from 'ajv-formats'

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: { type?: string; enum?: unknown[] }
}

interface Operation {
  parameters?: Parameter[]
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Record<string, unknown> }> }
}

interface Route {
  template: string
  pattern: RegExp
  names: string[]
  literals: number
  methods: Record<string, Operation>
}

export interface RequestToCheck {
  method: string
  url: URL
  contentType?: string | undefined
  body?: string | undefined
}

export interface OpenApiValidator {
  /** Problems with the request; empty when GitHub's description allows it. */
  check(request: RequestToCheck): string[]
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options'])

function routes(paths: Record<string, Record<string, Operation>>): Route[] {
  return Object.entries(paths).map(([template, item]) => {
    const names: string[] = []
    const source = template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{([^}]+)\}/g, (_, name: string) => {
        names.push(name)
        return '([^/]+)'
      })
    const methods = Object.fromEntries(Object.entries(item).filter(([method]) => METHODS.has(method)))
    return {
      template,
      pattern: new RegExp(`^${source}$`),
      names,
      literals: template.split('/').filter((s) => !s.startsWith('{')).length,
      methods,
    }
  })
}

function typeProblem(where: string, value: string, schema: Parameter['schema']): string | undefined {
  const type = schema?.type
  if (type === 'integer' && !/^-?\d+$/.test(value)) return `${where} must be an integer; got ${value}`
  if (type === 'number' && !Number.isFinite(Number(value))) return `${where} must be a number; got ${value}`
  if (type === 'boolean' && value !== 'true' && value !== 'false')
    return `${where} must be a boolean; got ${value}`
  if (schema?.enum && !schema.enum.includes(value)) return `${where} must be one of ${schema.enum.join(', ')}`
  return undefined
}

function parameterProblems(
  operation: Operation,
  path: Record<string, string>,
  query: URLSearchParams,
): string[] {
  const problems: string[] = []
  const declared = operation.parameters ?? []
  for (const p of declared.filter((p) => p.in === 'path')) {
    const value = path[p.name]
    const problem =
      value === undefined
        ? `path parameter ${p.name} is missing`
        : typeProblem(`path parameter ${p.name}`, value, p.schema)
    if (problem) problems.push(problem)
  }
  const known = new Map(declared.filter((p) => p.in === 'query').map((p) => [p.name, p]))
  for (const [name, value] of query) {
    const p = known.get(name)
    const problem = p
      ? typeProblem(`query parameter ${name}`, value, p.schema)
      : `unknown query parameter ${name}`
    if (problem) problems.push(problem)
  }
  for (const p of known.values())
    if (p.required && !query.has(p.name)) problems.push(`query parameter ${p.name} is required`)
  return problems
}

/** Loads the description and returns a checker for requests to it. */
export function loadOpenApi(): OpenApiValidator {
  const file = createRequire(import.meta.url).resolve('@octokit/openapi/generated/api.github.com.deref.json')
  const spec = JSON.parse(readFileSync(file, 'utf8')) as { paths: Record<string, Record<string, Operation>> }
  const table = routes(spec.paths)
  const ajv = new Ajv({ strict: false, allErrors: true })
  formats.default(ajv)
  const compiled = new Map<string, ValidateFunction>()

  function bodyProblems(key: string, operation: Operation, request: RequestToCheck): string[] {
    const content = operation.requestBody?.content?.['application/json']
    if (!content?.schema) return request.body ? ['the operation takes no JSON body'] : []
    if (!request.body) return operation.requestBody?.required ? ['the JSON body is missing'] : []
    if (!request.contentType?.startsWith('application/json'))
      return [`content-type is ${request.contentType}`]
    let json: unknown
    try {
      json = JSON.parse(request.body)
    } catch {
      return ['the body is not JSON']
    }
    let validate = compiled.get(key)
    if (!validate) {
      validate = ajv.compile(content.schema)
      compiled.set(key, validate)
    }
    const problems = validate(json)
      ? []
      : (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message}`)
    // Stricter than GitHub's schema, which allows any extra property: we send only declared ones.
    const declared = Object.keys((content.schema.properties as object | undefined) ?? {})
    const extra =
      typeof json === 'object' && json ? Object.keys(json).filter((k) => !declared.includes(k)) : []
    return [...problems, ...extra.map((k) => `body has the undeclared property ${k}`)]
  }

  return {
    check(request) {
      const method = request.method.toLowerCase()
      const path = decodeURIComponent(request.url.pathname)
      const matches = table
        .map((route) => ({ route, match: route.pattern.exec(path) }))
        .filter((m) => m.match && m.route.methods[method])
        .sort((a, b) => b.route.literals - a.route.literals)
      const best = matches[0]
      if (!best?.match) return [`${request.method} ${path} is not in GitHub's REST API`]
      const operation = best.route.methods[method]!
      const params = Object.fromEntries(best.route.names.map((name, i) => [name, best.match![i + 1]!]))
      const key = `${method} ${best.route.template}`
      return [
        ...parameterProblems(operation, params, request.url.searchParams),
        ...bodyProblems(key, operation, request),
      ].map((problem) => `${key}: ${problem}`)
    },
  }
}
