// Builds the console into the Python package (core/api/console_assets), so `pip install` alone
// serves it, and writes manifest.json there: a sha256 over the sources (the same files and the same
// formula tests/test_console_build.py recomputes in Python) and one per built file. A test then
// fails when the committed build no longer matches its source.
import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const here = fileURLToPath(new URL('.', import.meta.url))
const outDir = join(here, '..', 'core', 'api', 'console_assets')
const SOURCES = ['index.html', 'package.json', 'package-lock.json', 'vite.config.js', 'src']

function filesUnder(path) {
  return statSync(path).isDirectory() ? readdirSync(path).flatMap((name) => filesUnder(join(path, name))) : [path]
}

const sha256 = (data) => createHash('sha256').update(data).digest('hex')
const posix = (path) => path.split(sep).join('/')

/** sha256 of "<path>\n<sha256 of its bytes>\n" for every source file, sorted by path. */
function sourceDigest() {
  const files = SOURCES.flatMap((name) => filesUnder(join(here, name))).map((path) => posix(relative(here, path))).sort()
  return sha256(files.map((path) => `${path}\n${sha256(readFileSync(join(here, path)))}\n`).join(''))
}

function manifest() {
  return {
    name: 'accredit-manifest',
    apply: 'build',
    writeBundle() {
      const outputs = Object.fromEntries(filesUnder(outDir).map((path) => posix(relative(outDir, path)))
        .filter((path) => path !== 'manifest.json').sort()
        .map((path) => [path, sha256(readFileSync(join(outDir, path)))]))
      const body = { source_sha256: sourceDigest(), outputs }
      writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(body, null, 2) + '\n')
    },
  }
}

export default defineConfig({
  base: '/console/',
  plugins: [react(), manifest()],
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 },
})
