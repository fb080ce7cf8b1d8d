import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'llama-swap-proxy-host';

/** The host of a URL (`http://llama-swap:10002` → `llama-swap`), brackets of IPv6 removed. */
function hostOf(url: string): string | undefined {
  const match =
    /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?(\[[^\]]+\]|[^:/?#]+)/i.exec(url);
  return match ? match[1].replace(/^\[|\]$/g, '').toLowerCase() : undefined;
}

export const llamaSwapProxyHost: CheckDefinition = {
  id: ID,
  title: 'llama-swap proxy does not target the policy host',
  severity: 'error',
  rationale:
    'llama-swap and the llama-server processes it spawns share one network namespace. A `proxy:` through the ' +
    "container's own DNS name (`http://llama-swap:…`) leaves the namespace and comes back through netavark, which " +
    'fails under DNS rewriting; the loopback address never leaves it.',
  remediation:
    "Write `proxy: http://127.0.0.1:${PORT}` (the policy's `llamaSwap.proxyHost`) and start llama-server with `--host 127.0.0.1`.",
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(llamaSwapProxyHost, context);
    const wanted = context.policy.llamaSwap.proxyHost.toLowerCase();
    for (const model of context.inventory.models) {
      const subject = subjects.model(model);
      if (model.proxy === undefined) {
        report.pass(
          subject,
          model.source,
          `model ${model.id} has no proxy: llama-swap's default targets localhost in its own namespace`,
        );
        continue;
      }
      // At the `proxy:` line itself, where the fix goes.
      const place =
        model.proxyLine !== undefined
          ? { ...model.source, line: model.proxyLine }
          : model.source;
      const host = hostOf(model.proxy);
      if (host === undefined) {
        report.unknown(
          subject,
          place,
          `model ${model.id}: cannot read the host of \`proxy: ${model.proxy}\``,
        );
      } else if (host === wanted) {
        report.pass(
          subject,
          place,
          `model ${model.id}: proxy targets ${host}`,
        );
      } else {
        report.fail(
          subject,
          place,
          `model ${model.id}: \`proxy: ${model.proxy}\` targets ${host}, not ${context.policy.llamaSwap.proxyHost}`,
        );
      }
    }
    return report.results;
  },
};
