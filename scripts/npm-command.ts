/**
 * How the scripts run npm itself: the npm that runs them (`npm_execpath`, under the same Node), or
 * `npm` from PATH when a script is started directly.
 */
export function npmCommand(...args: string[]): [command: string, args: string[]] {
  const cli = process.env.npm_execpath;
  return cli ? [process.execPath, [cli, ...args]] : ['npm', args];
}
