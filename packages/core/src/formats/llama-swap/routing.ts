import { Node } from 'yaml';
import { DiagnosticSink } from '../common/diagnosticSink';
import { YamlEntry, YamlReader } from '../common/yamlReader';
import {
  LlamaSwapGroup,
  LlamaSwapMatrix,
  LlamaSwapMatrixSet,
  LlamaSwapRouting,
} from './types';

/**
 * Reads the routing of a llama-swap config in either spelling: top-level `groups`/`matrix`,
 * or the newer `routing.router` block (`use: group|matrix` + `settings.groups`/`settings.matrix`).
 * Assumption, from llama-swap's source: `use` defaults to `group`, both settings may be
 * present under `routing` (only the used one counts), and mixing the spellings is refused.
 */
export function readRouting(
  reader: YamlReader,
  root: Node | null,
  modelIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): LlamaSwapRouting {
  const legacyGroups = reader.get(root, 'groups');
  const legacyMatrix = reader.get(root, 'matrix');
  const routingEntry = reader.get(root, 'routing');
  const routerEntry = routingEntry && reader.get(routingEntry.value, 'router');

  if (routerEntry && (legacyGroups || legacyMatrix)) {
    sink.error(
      routingEntry.line,
      'legacy-and-routing',
      'the file uses both top-level groups/matrix and routing.router; llama-swap refuses it — move the top-level keys under routing.router.settings',
    );
  }

  if (routerEntry) {
    const useEntry = reader.get(routerEntry.value, 'use');
    const use = useEntry ? reader.text(useEntry.value) : undefined;
    const settings = reader.get(routerEntry.value, 'settings')?.value ?? null;
    const groupsEntry = reader.get(settings, 'groups');
    const matrixEntry = reader.get(settings, 'matrix');
    let router: 'group' | 'matrix' = 'group';
    if (use === 'matrix') {
      router = 'matrix';
      if (!matrixEntry) {
        sink.error(
          useEntry?.line ?? routerEntry.line,
          'missing-matrix',
          'routing.router.use is "matrix" but routing.router.settings.matrix is not set; llama-swap refuses the file',
        );
      }
    } else if (use !== undefined && use !== 'group') {
      sink.error(
        useEntry?.line ?? routerEntry.line,
        'unknown-router',
        `routing.router.use "${use}" is not a router llama-swap knows (group or matrix)`,
      );
    }
    const routing: LlamaSwapRouting = {
      form: 'routing',
      router,
      line: routerEntry.line,
      groups:
        router === 'group' && groupsEntry
          ? readGroups(reader, groupsEntry, modelIds, sink)
          : [],
    };
    if (router === 'matrix' && matrixEntry) {
      routing.matrix = readMatrix(reader, matrixEntry, modelIds, sink);
    }
    return routing;
  }

  if (
    legacyGroups &&
    legacyMatrix &&
    reader.entries(legacyGroups.value).length > 0
  ) {
    sink.error(
      legacyMatrix.line,
      'groups-and-matrix',
      "the file defines both 'groups' and 'matrix'; llama-swap refuses it",
    );
  }
  if (legacyMatrix) {
    return {
      form: 'legacy',
      router: 'matrix',
      line: legacyMatrix.line,
      groups: [],
      matrix: readMatrix(reader, legacyMatrix, modelIds, sink),
    };
  }
  if (legacyGroups) {
    return {
      form: 'legacy',
      router: 'group',
      line: legacyGroups.line,
      groups: readGroups(reader, legacyGroups, modelIds, sink),
    };
  }
  return { form: 'none', router: 'group', line: 0, groups: [] };
}

function readGroups(
  reader: YamlReader,
  groupsEntry: YamlEntry,
  modelIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): LlamaSwapGroup[] {
  const groups: LlamaSwapGroup[] = [];
  const groupOfMember = new Map<string, string>();
  for (const entry of reader.entries(groupsEntry.value)) {
    const flag = (key: string, fallback: boolean) => {
      const setting = reader.get(entry.value, key);
      if (!setting) return fallback;
      const value = reader.boolean(setting.value);
      if (value === undefined) {
        sink.error(
          setting.line,
          'invalid-value',
          `group "${entry.key}": ${key} must be true or false`,
        );
        return fallback;
      }
      return value;
    };
    const group: LlamaSwapGroup = {
      id: entry.key,
      line: entry.line,
      swap: flag('swap', true),
      exclusive: flag('exclusive', true),
      persistent: flag('persistent', false),
      members: [],
    };
    const seen = new Set<string>();
    for (const item of reader.items(
      reader.get(entry.value, 'members')?.value,
    )) {
      const id = reader.text(item);
      const line = reader.line(item);
      if (id === undefined) continue;
      group.members.push({ id, line });
      if (seen.has(id)) {
        sink.error(
          line,
          'duplicate-group-member',
          `model "${id}" is listed twice in group "${group.id}"; llama-swap refuses the file`,
        );
        continue;
      }
      seen.add(id);
      const other = groupOfMember.get(id);
      if (other !== undefined) {
        sink.error(
          line,
          'member-in-several-groups',
          `model "${id}" is in group "${other}" and in group "${group.id}"; llama-swap refuses the file`,
        );
      } else {
        groupOfMember.set(id, group.id);
      }
      if (!modelIds.has(id)) {
        sink.warning(
          line,
          'unknown-group-member',
          `group "${group.id}" lists "${id}", which is not a model in this file`,
        );
      }
    }
    groups.push(group);
  }
  return groups;
}

const MATRIX_TOKEN_RE = /(\+?)([A-Za-z0-9_-]+)/g;

function readMatrix(
  reader: YamlReader,
  matrixEntry: YamlEntry,
  modelIds: ReadonlySet<string>,
  sink: DiagnosticSink,
): LlamaSwapMatrix {
  const matrix: LlamaSwapMatrix = {
    line: matrixEntry.line,
    vars: [],
    evictCosts: [],
    sets: [],
  };
  for (const entry of reader.entries(
    reader.get(matrixEntry.value, 'vars')?.value,
  )) {
    const model = reader.text(entry.value) ?? '';
    matrix.vars.push({ name: entry.key, model, line: entry.line });
    if (!modelIds.has(model)) {
      sink.error(
        entry.line,
        'matrix-var-not-a-model',
        `matrix variable "${entry.key}" names "${model}", which is not a model id in this file`,
      );
    }
  }
  const variables = new Set(matrix.vars.map(variable => variable.name));
  for (const entry of reader.entries(
    reader.get(matrixEntry.value, 'evict_costs')?.value,
  )) {
    matrix.evictCosts.push({
      name: entry.key,
      cost: reader.number(entry.value) ?? 1,
      line: entry.line,
    });
    if (!variables.has(entry.key)) {
      sink.error(
        entry.line,
        'unknown-matrix-var',
        `evict_costs names "${entry.key}", which is not a matrix variable`,
      );
    }
  }
  const setEntries = reader.entries(
    reader.get(matrixEntry.value, 'sets')?.value,
  );
  const setNames = new Set(setEntries.map(entry => entry.key));
  for (const entry of setEntries) {
    const expression = reader.text(entry.value) ?? '';
    const set: LlamaSwapMatrixSet = {
      name: entry.key,
      expression,
      variables: [],
      sets: [],
      line: entry.line,
    };
    for (const match of expression.matchAll(MATRIX_TOKEN_RE)) {
      if (match[1] === '+') {
        set.sets.push(match[2]);
        if (!setNames.has(match[2])) {
          sink.error(
            entry.line,
            'unknown-matrix-set',
            `set "${entry.key}" includes "+${match[2]}", which is not a set`,
          );
        }
      } else {
        set.variables.push(match[2]);
        if (!variables.has(match[2])) {
          sink.error(
            entry.line,
            'unknown-matrix-var',
            `set "${entry.key}" uses "${match[2]}", which is not a matrix variable`,
          );
        }
      }
    }
    matrix.sets.push(set);
  }
  return matrix;
}
