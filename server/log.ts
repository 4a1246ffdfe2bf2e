/** Where Runboard's own messages go: stderr, so that stdout carries only the URL banner. */
export function logToStderr(line: string): void {
  console.error(line)
}
