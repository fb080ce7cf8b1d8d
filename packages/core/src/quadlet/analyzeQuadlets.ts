import type { SourceFile } from '../sourceFile';
import { checkSections, checkServiceKeys, checkUnknownKeys } from './checkKeys';
import { checkSplitValues } from './escapeWarnings';
import {
  loadQuadlets,
  type LoadedQuadlets,
  type LoadQuadletsOptions,
  type QuadletUnit,
} from './loadQuadlets';
import {
  podMemberDependencies,
  resolveReferences,
  type QuadletDependency,
} from './references';
import { UnitReport } from './report';
import type { QuadletType } from './unitTypes';
import { validateArtifact } from './validateArtifact';
import { validateBuild } from './validateBuild';
import { validateContainer } from './validateContainer';
import { validateImage } from './validateImage';
import { validateKube } from './validateKube';
import { validateNetwork } from './validateNetwork';
import { validatePod } from './validatePod';
import { validateVolume } from './validateVolume';

const VALIDATORS: Record<QuadletType, (report: UnitReport) => void> = {
  container: validateContainer,
  volume: validateVolume,
  network: validateNetwork,
  kube: validateKube,
  image: validateImage,
  build: validateBuild,
  pod: validatePod,
  artifact: validateArtifact,
};

export interface QuadletAnalysis extends LoadedQuadlets {
  /** Every dependency of every generated service, pod → member edges included. */
  dependencies: QuadletDependency[];
}

/** Semantic checks of one loaded unit; returns its new diagnostics and records them on it. */
export function analyzeUnit(
  unit: QuadletUnit,
  find: (name: string) => QuadletUnit | undefined,
): UnitReport {
  const report = new UnitReport(unit);
  checkUnknownKeys(report);
  checkServiceKeys(report);
  checkSections(report);
  checkSplitValues(report);
  VALIDATORS[unit.info.type](report);
  const refs = resolveReferences(unit, find);
  report.diagnostics.push(...refs.diagnostics);
  unit.dependencies.push(...refs.dependencies);
  unit.diagnostics.push(...report.diagnostics);
  return report;
}

/**
 * Reads the quadlets of a tree and judges them as podman's generator would: the same units
 * refused (errors), the same warnings, plus the dependency graph of the generated services.
 */
export function analyzeQuadlets(
  files: readonly SourceFile[],
  options: LoadQuadletsOptions = {},
): QuadletAnalysis {
  const loaded = loadQuadlets(files, options);
  const find = (name: string) => loaded.byName.get(name);
  const dependencies: QuadletDependency[] = [];
  for (const unit of loaded.units) {
    const report = analyzeUnit(unit, find);
    loaded.diagnostics.push(...report.diagnostics);
    dependencies.push(...unit.dependencies);
  }
  for (const edge of podMemberDependencies(loaded.units, find)) {
    find(edge.from)!.dependencies.push(edge);
    dependencies.push(edge);
  }
  return { ...loaded, dependencies };
}
