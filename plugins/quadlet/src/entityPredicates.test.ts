import type { Entity } from '@backstage/catalog-model';
import {
  hasHandoffGuide,
  hasHandoffReference,
  hasQuadletSource,
  hasUnitEnvironment,
  isDecision,
  isDistrobox,
  isHostname,
  isKernelArgs,
  isLlmAlias,
  isLlmModel,
  isOsImage,
  isQuadletBox,
  isQuadletResource,
  isQuadletUnitComponent,
  isQuadletWorkload,
  isSystemdUnit,
} from './entityPredicates';
import { fixtures } from './__testUtils__/fixtures';

const predicates = {
  isQuadletWorkload,
  isSystemdUnit,
  isQuadletResource,
  isQuadletUnitComponent,
  hasUnitEnvironment,
  isDistrobox,
  isLlmModel,
  isLlmAlias,
  isHostname,
  isKernelArgs,
  isOsImage,
  isDecision,
  isQuadletBox,
  hasQuadletSource,
  hasHandoffGuide,
  hasHandoffReference,
};

function matching(entity: Entity): string[] {
  return Object.entries(predicates)
    .filter(([, predicate]) => predicate(entity))
    .map(([name]) => name);
}

describe('entity predicates', () => {
  it.each([
    [
      'piler',
      [
        'isQuadletWorkload',
        'isQuadletUnitComponent',
        'hasUnitEnvironment',
        'hasQuadletSource',
        'hasHandoffReference',
      ],
    ],
    [
      'etlService',
      [
        'isSystemdUnit',
        'isQuadletUnitComponent',
        'hasUnitEnvironment',
        'hasQuadletSource',
        'hasHandoffReference',
      ],
    ],
    [
      'etlTimer',
      [
        'isSystemdUnit',
        'isQuadletUnitComponent',
        'hasQuadletSource',
        'hasHandoffReference',
      ],
    ],
    ['pilerData', ['isQuadletResource', 'hasQuadletSource']],
    ['distrobox', ['isDistrobox', 'hasQuadletSource', 'hasHandoffReference']],
    ['model', ['isLlmModel', 'hasQuadletSource']],
    ['alias', ['isLlmAlias', 'hasQuadletSource']],
    ['archive', ['isHostname', 'hasQuadletSource']],
    ['kernelArgs', ['isKernelArgs', 'hasQuadletSource']],
    ['osImage', ['isOsImage', 'hasQuadletSource']],
    ['d106', ['isDecision', 'hasQuadletSource']],
    ['sodimo', ['isQuadletBox', 'hasHandoffGuide']],
  ] as const)('%s matches exactly %j', (name, expected) => {
    expect(matching(fixtures[name]).sort()).toEqual([...expected].sort());
  });

  it('matches nothing on an entity that does not come from a box', () => {
    expect(
      matching({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'quadlet-portal' },
        spec: { type: 'website' },
      }),
    ).toEqual([]);
  });
});
