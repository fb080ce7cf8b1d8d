import type { InventoryUnit, SourceRef } from '../inventory/types';
import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'rootless-incompatible-option';

/** Quadlet keys and the podman flag they become, so a rule written either way matches both. */
const KEY_FLAGS: Record<string, string> = {
  GroupAdd: '--group-add',
  AddDevice: '--device',
  UserNS: '--userns',
  User: '--user',
  Network: '--network',
  AddCapability: '--cap-add',
  DropCapability: '--cap-drop',
  Sysctl: '--sysctl',
  Ulimit: '--ulimit',
  ShmSize: '--shm-size',
  Memory: '--memory',
  PidsLimit: '--pids-limit',
  CgroupsMode: '--cgroups',
  IP: '--ip',
  IP6: '--ip6',
  Tmpfs: '--tmpfs',
  Mount: '--mount',
};

interface UnitOption {
  flag: string;
  value?: string;
  /** As written, for the message. */
  text: string;
  source: SourceRef;
}

interface Rule {
  flag: string;
  value?: string;
  text: string;
}

function ruleOf(text: string): Rule {
  const eq = text.indexOf('=');
  const name = eq < 0 ? text : text.slice(0, eq);
  const rule: Rule = { flag: KEY_FLAGS[name] ?? name, text };
  if (eq >= 0) rule.value = text.slice(eq + 1);
  return rule;
}

/** Every option of a unit, as podman flags. PodmanArgs words are read as `--flag=value` or `--flag value`. */
function optionsOf(unit: InventoryUnit): UnitOption[] {
  const options: UnitOption[] = [];
  // GroupAdd, AddDevice and PodmanArgs carry no line of their own in the inventory: they point at the unit.
  for (const group of unit.groupAdd)
    options.push({
      flag: '--group-add',
      value: group,
      text: `GroupAdd=${group}`,
      source: unit.source,
    });
  for (const device of unit.devices)
    options.push({
      flag: '--device',
      value: device,
      text: `AddDevice=${device}`,
      source: unit.source,
    });
  const words = unit.podmanArgs;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (!word.startsWith('-')) continue;
    const eq = word.indexOf('=');
    if (eq > 0) {
      options.push({
        flag: word.slice(0, eq),
        value: word.slice(eq + 1),
        text: `PodmanArgs=${word}`,
        source: unit.source,
      });
    } else if (i + 1 < words.length && !words[i + 1].startsWith('-')) {
      options.push({
        flag: word,
        value: words[i + 1],
        text: `PodmanArgs=${word} ${words[i + 1]}`,
        source: unit.source,
      });
      i++;
    } else {
      options.push({
        flag: word,
        text: `PodmanArgs=${word}`,
        source: unit.source,
      });
    }
  }
  for (const kv of unit.otherKeys) {
    const flag = KEY_FLAGS[kv.key];
    if (flag)
      options.push({
        flag,
        value: kv.value,
        text: `${kv.key}=${kv.value}`,
        source: kv.source,
      });
    else
      options.push({
        flag: kv.key,
        value: kv.value,
        text: `${kv.key}=${kv.value}`,
        source: kv.source,
      });
  }
  return options;
}

export const rootlessIncompatibleOption: CheckDefinition = {
  id: ID,
  title: 'Option that fails under rootless podman',
  severity: 'error',
  rationale:
    'Some options need privileges a rootless user does not have (supplementary groups passed through with ' +
    '`keep-groups`, groups such as `render` the user namespace cannot map). The unit then fails at start, or ' +
    'runs without the device access it was written for.',
  remediation:
    'Use the rootless form (for the GPU: `GroupAdd=video` and `AddDevice=/dev/dri`), or run the unit rootful. ' +
    'The list of bad options is `rootless.incompatibleOptions` in the policy.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const rules = context.policy.rootless.incompatibleOptions.map(ruleOf);
    if (rules.length === 0) return [];
    const report = new Reporter(rootlessIncompatibleOption, context);
    for (const unit of context.inventory.units) {
      if (unit.scope === 'system') continue;
      const subject = subjects.unit(unit);
      let found = 0;
      for (const option of optionsOf(unit)) {
        const rule = rules.find(
          r =>
            r.flag === option.flag &&
            (r.value === undefined || r.value === option.value),
        );
        if (!rule) continue;
        found++;
        if (unit.scope === 'unknown') {
          report.unknown(
            subject,
            option.source,
            `\`${option.text}\` breaks under rootless podman, and it is not known whether ${unit.name} runs rootless`,
            rule.text,
          );
        } else {
          report.fail(
            subject,
            option.source,
            `\`${option.text}\` fails under rootless podman (policy: ${rule.text})`,
            rule.text,
          );
        }
      }
      if (found === 0)
        report.pass(
          subject,
          unit.source,
          `${unit.name} uses no rootless-incompatible option`,
        );
    }
    return report.results;
  },
};
