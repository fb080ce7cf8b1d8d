import type { AliasResolution } from '../inventory/types';
import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'litellm-alias-unresolved';

function targetText(resolution: AliasResolution): string {
  switch (resolution.kind) {
    case 'local':
      return `llama-swap model ${resolution.model}`;
    case 'cloud':
      return `${resolution.provider} (cloud)`;
    case 'endpoint':
      return resolution.url;
    default:
      return resolution.reason;
  }
}

export const litellmAliasUnresolved: CheckDefinition = {
  id: ID,
  title: 'LiteLLM alias does not reach a model',
  severity: 'error',
  rationale:
    'Callers only see LiteLLM aliases. An alias whose deployment names a llama-swap model that does not exist, a ' +
    'container that is not in the box, or a provider LiteLLM cannot reach answers every request with an error; a ' +
    'fallback naming an unknown alias fails exactly when it is needed.',
  remediation:
    'Point `litellm_params.model` at a model id or alias of llama-swap.yaml (with `api_base` at the llama-swap ' +
    'container), or at a cloud provider (`anthropic/…`), and make every fallback name a defined alias.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(litellmAliasUnresolved, context);
    const names = new Set(context.inventory.aliases.map(a => a.name));
    for (const alias of context.inventory.aliases) {
      const subject = subjects.alias(alias);
      let problems = 0;
      for (const deployment of alias.deployments) {
        const r = deployment.resolution;
        if (r.kind === 'unresolved') {
          problems++;
          report.fail(
            subject,
            deployment.source,
            `alias ${alias.name}: \`${deployment.model}\` does not resolve (${r.reason})`,
            deployment.model,
          );
        } else if (r.kind === 'endpoint' && r.url.startsWith('os.environ/')) {
          problems++;
          report.unknown(
            subject,
            deployment.source,
            `alias ${alias.name}: api_base comes from ${r.url}, known only at run time`,
            deployment.model,
          );
        }
      }
      for (const fallback of alias.fallbacks) {
        if (names.has(fallback)) continue;
        problems++;
        report.fail(
          subject,
          alias.source,
          `alias ${alias.name}: fallback \`${fallback}\` is not an alias of the LiteLLM config`,
          `fallback:${fallback}`,
        );
      }
      if (problems === 0) {
        const targets = alias.deployments.map(d => targetText(d.resolution));
        report.pass(
          subject,
          alias.source,
          `alias ${alias.name} reaches ${
            targets.join(', ') || 'its deployments'
          }`,
        );
      }
    }
    return report.results;
  },
};
