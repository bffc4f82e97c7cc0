import { readFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { dirname, extname, join, normalize, sep } from 'node:path'
import { packageRoot } from '../root.ts'

/** The book the server hands to the reader page. */
export interface ServedBook {
  name: string
  bytes: Uint8Array
}

export interface PreviewServer {
  /** `http://127.0.0.1:<port>/` */
  url: string
  port: number
  /** Serve a newly built book and tell open pages to reload it. */
  setBook(book: ServedBook): void
  /** Show a build error report in open pages (the last good book stays served). */
  setError(report: string): void
  close(): Promise<void>
}

export interface PreviewServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number
  book?: ServedBook
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
}

/** Where the reader page and foliate-js are served from. */
export const clientFolder = join(packageRoot, 'templates', 'preview')
export const foliateFolder = dirname(createRequire(join(packageRoot, 'package.json')).resolve('foliate-js/view.js'))

/**
 * A local HTTP server for reading a book in foliate-js: the page from
 * templates/preview/, foliate-js from its npm package, the book at
 * /book.epub and server-sent events at /events. Listens on 127.0.0.1 only.
 */
export async function startPreviewServer(options: PreviewServerOptions = {}): Promise<PreviewServer> {
  let book = options.book
  let error = ''
  let version = 0
  const listeners = new Set<ServerResponse>()

  const send = (response: ServerResponse, event: string, data: unknown): void => {
    response.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  const broadcast = (event: string, data: unknown): void => {
    for (const response of listeners) send(response, event, data)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((reason: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(reason instanceof Error ? reason.message : String(reason))
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname)
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'Method not allowed')
    if (path === '/book.epub') {
      if (!book) return plain(response, 503, 'No book built yet')
      response.writeHead(200, {
        'content-type': 'application/epub+zip',
        'cache-control': 'no-store',
        'x-book-name': book.name,
        'content-length': book.bytes.byteLength,
      })
      response.end(book.bytes)
      return
    }
    if (path === '/events') {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' })
      response.write('retry: 500\n\n')
      listeners.add(response)
      request.on('close', () => listeners.delete(response))
      if (error) send(response, 'build-error', { report: error })
      return
    }
    if (path === '/' || path === '/index.html') return file(response, clientFolder, 'index.html')
    if (path.startsWith('/foliate-js/')) return file(response, foliateFolder, path.slice('/foliate-js/'.length))
    return file(response, clientFolder, path.slice(1))
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    setBook(next) {
      book = next
      error = ''
      version++
      broadcast('book', { version })
    },
    setError(report) {
      error = report
      broadcast('build-error', { report })
    },
    async close() {
      for (const response of listeners) response.end()
      listeners.clear()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' })
  response.end(text)
}

/** Serve a file from inside `folder` only; anything else is a 404. */
async function file(response: ServerResponse, folder: string, relativePath: string): Promise<void> {
  const path = normalize(join(folder, relativePath))
  if (!path.startsWith(folder + sep)) return plain(response, 404, 'Not found')
  const data = await readFile(path).catch(() => undefined)
  if (!data) return plain(response, 404, 'Not found')
  response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' })
  response.end(data)
}
