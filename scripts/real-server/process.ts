/**
 * Small helpers to run the Python side (pip, the seed script) and report its failures readably.
 */

import { spawn } from 'node:child_process'

/** Keeps the last lines of a stream of text, for error messages. */
export class OutputTail {
  private readonly lines: string[] = []
  private partial = ''

  constructor(private readonly maxLines = 40) {}

  push(chunk: string): void {
    const pieces = (this.partial + chunk).split('\n')
    this.partial = pieces.pop() ?? ''
    this.lines.push(...pieces)
    if (this.lines.length > this.maxLines) this.lines.splice(0, this.lines.length - this.maxLines)
  }

  toString(): string {
    return [...this.lines, this.partial].join('\n').trim()
  }
}

export interface RunOptions {
  cwd?: string
  env?: NodeJS.ProcessEnv
  /** Copy the command's stderr to ours as it comes (progress logs). */
  forwardStderr?: boolean
}

export interface RunResult {
  stdout: string
}

/**
 * Runs a command to completion and resolves with its stdout; rejects with the exit status and
 * the tail of its output if it fails.
 */
export function runProcess(
  command: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const stdout: string[] = []
    const tail = new OutputTail()
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout.push(chunk)
      tail.push(chunk)
    })
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      tail.push(chunk)
      if (options.forwardStderr === true) process.stderr.write(chunk)
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolve({ stdout: stdout.join('') })
        return
      }
      const status = signal === null ? `exit code ${code ?? 'unknown'}` : `signal ${signal}`
      reject(new Error(`${command} ${args.join(' ')} failed with ${status}:\n${tail.toString()}`))
    })
  })
}
