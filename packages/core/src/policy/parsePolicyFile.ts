import type { z } from 'zod';
import type { Diagnostic } from '../diagnostic';
import { parseYamlDocument } from '../formats/common/yamlDocument';
import { normaliseKernelArgKey } from './kernelArgRule';
import {
  listItemSchemas,
  POLICY_SECTIONS,
  sectionSchemas,
  type PolicySection,
} from './schema';
import type {
  CheckOverride,
  KernelArgRule,
  KnownBrokenUnit,
  OsBand,
  PolicySourceRef,
  Waiver,
} from './types';
import { lineOfPath, pathText, type YamlPath } from './yamlLines';

/** What one policy file sets; sections it leaves out (or gets wrong) stay undefined. */
export interface PolicyFragment {
  tree: string;
  path: string;
  kernelArgs?: { required?: KernelArgRule[]; forbidden?: KernelArgRule[] };
  os?: OsBand;
  podman?: { version: string; source: PolicySourceRef };
  images?: { trustedRegistries?: string[] };
  llamaSwap?: { proxyHost?: string; mandatoryFlags?: string[] };
  rootless?: { incompatibleOptions?: string[] };
  knownBroken?: { label?: string | null; units?: KnownBrokenUnit[] };
  waivers?: Waiver[];
  checks?: Record<string, CheckOverride>;
  /** Line of each top-level section, for "set in two files" diagnostics. */
  lines: Partial<Record<PolicySection, number>>;
}

const CODE = 'policy/invalid';

/**
 * Reads one policy file. Never throws: a YAML error leaves the file without effect; a section
 * of the wrong shape is dropped (its default applies); a bad list item (one waiver, one kernel
 * argument) is dropped alone. Each problem is an error diagnostic at the line of the offending key.
 */
export function parsePolicyFile(
  tree: string,
  file: { path: string; content: Buffer },
): { fragment: PolicyFragment; diagnostics: Diagnostic[] } {
  const fragment: PolicyFragment = { tree, path: file.path, lines: {} };
  const parsed = parseYamlDocument(file, {
    codePrefix: 'policy',
    tool: 'quadlet-portal',
    duplicateKeys: {
      severity: 'error',
      consequence: 'a policy key may be written once',
    },
  });
  const diagnostics = [...parsed.diagnostics];
  if (
    diagnostics.some(
      d => d.severity === 'error' && d.code === 'policy/yaml-syntax',
    )
  ) {
    return { fragment, diagnostics };
  }
  const { document, lineCounter } = parsed.yaml;
  const lineAt = (path: YamlPath) => lineOfPath(document, lineCounter, path);
  const report = (path: YamlPath, message: string) =>
    diagnostics.push({
      file: file.path,
      line: lineAt(path),
      severity: 'error',
      code: CODE,
      message: `${pathText(path)}: ${message}`,
    });
  const reportIssues = (base: YamlPath, error: z.ZodError) => {
    for (const issue of error.issues) {
      const path = [...base, ...issue.path];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          report([...path, key], `unknown key \`${key}\``);
      } else if (
        issue.code === 'invalid_type' &&
        issue.received === 'undefined'
      ) {
        report(path, 'is required');
      } else {
        report(path, issue.message);
      }
    }
  };
  const ref = (path: YamlPath): PolicySourceRef => ({
    tree,
    path: file.path,
    line: lineAt(path),
  });

  let raw: unknown;
  try {
    raw = document.toJS({ maxAliasCount: 1000 });
  } catch (error) {
    report(
      [],
      `cannot be read: ${
        error instanceof Error ? error.message : String(error)
      }`,
    );
    return { fragment, diagnostics };
  }
  if (raw === null || raw === undefined) return { fragment, diagnostics };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    report(
      [],
      'a policy file is a mapping of sections (`kernelArgs:`, `waivers:`…)',
    );
    return { fragment, diagnostics };
  }

  const top = raw as Record<string, unknown>;
  for (const key of Object.keys(top)) {
    if (!(POLICY_SECTIONS as string[]).includes(key)) {
      report(
        [key],
        `unknown section \`${key}\` (known: ${POLICY_SECTIONS.join(', ')})`,
      );
    }
  }

  /** Validates a list item by item; bad items are reported and dropped. */
  const items = <T>(
    path: YamlPath,
    list: unknown[] | undefined,
    schema: z.ZodTypeAny,
    build: (value: any, itemPath: YamlPath) => T,
  ): T[] | undefined => {
    if (list === undefined) return undefined;
    const kept: T[] = [];
    list.forEach((item, index) => {
      const result = schema.safeParse(item);
      if (result.success) kept.push(build(result.data, [...path, index]));
      else reportIssues([...path, index], result.error);
    });
    return kept;
  };

  for (const section of POLICY_SECTIONS) {
    if (!(section in top)) continue;
    const result = (sectionSchemas[section] as z.ZodTypeAny).safeParse(
      top[section],
    );
    if (!result.success) {
      reportIssues([section], result.error);
      continue;
    }
    fragment.lines[section] = lineAt([section]);
    const value = result.data;
    const list = (field: string) => listItemSchemas[section][field];
    switch (section) {
      case 'version':
        break;
      case 'kernelArgs': {
        const kernelArgs: NonNullable<PolicyFragment['kernelArgs']> = {};
        for (const field of ['required', 'forbidden'] as const) {
          const rules = items(
            [section, field],
            value[field],
            list(field),
            (arg: string, at) => kernelArgRule(arg, ref(at)),
          );
          if (rules) kernelArgs[field] = rules;
        }
        fragment.kernelArgs = kernelArgs;
        break;
      }
      case 'os':
        fragment.os = { ...value, source: ref([section]) };
        break;
      case 'podman':
        fragment.podman = {
          version: value.version,
          source: ref([section, 'version']),
        };
        break;
      case 'images': {
        const trustedRegistries = items(
          [section, 'trustedRegistries'],
          value.trustedRegistries,
          list('trustedRegistries'),
          (r: string) => r,
        );
        fragment.images = trustedRegistries ? { trustedRegistries } : {};
        break;
      }
      case 'llamaSwap': {
        const llamaSwap: NonNullable<PolicyFragment['llamaSwap']> = {};
        if (value.proxyHost !== undefined)
          llamaSwap.proxyHost = value.proxyHost;
        const flags = items(
          [section, 'mandatoryFlags'],
          value.mandatoryFlags,
          list('mandatoryFlags'),
          (f: string) => f,
        );
        if (flags) llamaSwap.mandatoryFlags = flags;
        fragment.llamaSwap = llamaSwap;
        break;
      }
      case 'rootless': {
        const options = items(
          [section, 'incompatibleOptions'],
          value.incompatibleOptions,
          list('incompatibleOptions'),
          (o: string) => o,
        );
        fragment.rootless = options ? { incompatibleOptions: options } : {};
        break;
      }
      case 'knownBroken': {
        const knownBroken: NonNullable<PolicyFragment['knownBroken']> = {};
        if (value.label !== undefined) knownBroken.label = value.label;
        const units = items(
          [section, 'units'],
          value.units,
          list('units'),
          (u: Omit<KnownBrokenUnit, 'source'>, at) => ({
            ...u,
            source: ref(at),
          }),
        );
        if (units) knownBroken.units = units;
        fragment.knownBroken = knownBroken;
        break;
      }
      case 'waivers':
        fragment.waivers = items(
          [section],
          value,
          listItemSchemas.waivers[''],
          (w: Omit<Waiver, 'source'>, at) => ({ ...w, source: ref(at) }),
        );
        break;
      case 'checks': {
        const checks: Record<string, CheckOverride> = {};
        for (const [id, override] of Object.entries(
          value as Record<string, CheckOverride>,
        )) {
          checks[id] = { ...override, source: ref([section, id]) };
        }
        fragment.checks = checks;
        break;
      }
      default:
        break;
    }
  }
  return { fragment, diagnostics };
}

export function kernelArgRule(
  arg: string,
  source?: PolicySourceRef,
): KernelArgRule {
  const eq = arg.indexOf('=');
  const rule: KernelArgRule = {
    arg,
    key: normaliseKernelArgKey(eq < 0 ? arg : arg.slice(0, eq)),
  };
  if (eq >= 0) rule.value = arg.slice(eq + 1);
  if (source) rule.source = source;
  return rule;
}
