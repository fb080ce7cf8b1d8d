import { docsAnchor, Reporter } from './report';
import { imageUses } from './imageUses';
import type { CheckDefinition } from './types';

const ID = 'image-untrusted-registry';

/** Other host names of Docker Hub, all meaning `docker.io`. */
const DOCKER_HUB = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);

function registryKey(host: string): string {
  const lower = host.toLowerCase();
  return DOCKER_HUB.has(lower) ? 'docker.io' : lower;
}

export const imageUntrustedRegistry: CheckDefinition = {
  id: ID,
  title: 'Image from a registry the policy does not trust',
  severity: 'warning',
  rationale:
    'Each registry is a party that can ship code onto the box. The policy lists the ones the team accepts, so a new ' +
    'source is a reviewed decision rather than a side effect of copying a unit.',
  remediation:
    'Use an image from a trusted registry (mirror it there if needed), or add the registry to ' +
    '`images.trustedRegistries` in the policy. Not applied when the policy lists no registries.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const trusted = context.policy.images.trustedRegistries;
    if (!trusted) return [];
    const allowed = new Set(trusted.map(registryKey));
    const report = new Reporter(imageUntrustedRegistry, context);
    for (const { image, subject, detail } of imageUses(context)) {
      if (image.kind !== 'registry' || !image.registry) continue;
      if (allowed.has(registryKey(image.registry))) {
        report.pass(
          subject,
          image.source,
          `\`${image.text}\` comes from trusted registry ${image.registry}`,
          detail,
        );
      } else {
        report.fail(
          subject,
          image.source,
          `\`${image.text}\` comes from ${
            image.registry
          }, which is not in images.trustedRegistries (${trusted.join(', ')})`,
          detail,
        );
      }
    }
    return report.results;
  },
};
