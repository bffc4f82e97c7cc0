/**
 * The environment for the npm and npx commands a test runs as a user would.
 * `npx -p node@24 -- sh -c '…'` (how CI runs the suite on Node 24) hands
 * what it was asked to run to everything below it as npm settings in the
 * environment: an inner `npx --no-install colophon` then looks for the
 * `node@24` package too, and stops, as it may not install it. Those
 * settings of npm exec's own are left out; the rest (registry, cache,
 * user config) are kept.
 */
const NPM_EXEC_SETTINGS = ['npm_config_package', 'npm_config_call', 'npm_config_yes']

export function npmUserEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  for (const name of Object.keys(env)) if (NPM_EXEC_SETTINGS.includes(name.toLowerCase())) delete env[name]
  return env
}
