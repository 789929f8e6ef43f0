/**
 * V8's young generation grows to 16 MB per semi-space by default; at 4 MB each service sits about
 * 17 MB lower at rest, with no measurable change in CPU per request (tools/bench/findings.md).
 * A flag the operator set in NODE_OPTIONS wins.
 */
const SERVICE_NODE_FLAGS = ['--max-semi-space-size=4'];

export function withServiceNodeFlags(nodeOptions: string | undefined): string {
  const given = (nodeOptions ?? '').trim();
  const added = SERVICE_NODE_FLAGS.filter((flag) => !given.includes(flag.split('=')[0]));
  return [given, ...added].filter(Boolean).join(' ');
}
