import { toEntityName, withSuffix } from './entityName';
import { stableHash } from './stableHash';

/**
 * Hands out entity names unique per kind. The first claimant of a name keeps it; a later one
 * (another tree's `caddy.container`, `Foo.volume` next to `foo.volume`) gets
 * `<name>-<hash of its key>`, so its name does not depend on what else the box holds.
 */
export class NameRegistry {
  private readonly taken = new Map<string, string>();

  /** The name for `key` (a unique id such as the unit id) of `kind`, wanted as `text`. */
  claim(kind: string, text: string, key: string): string {
    const wanted = toEntityName(text);
    let name = wanted;
    for (let attempt = 0; ; attempt++) {
      const slot = `${kind}\0${name}`;
      const holder = this.taken.get(slot);
      if (holder === undefined) {
        this.taken.set(slot, key);
        return name;
      }
      if (holder === key) return name;
      name = withSuffix(wanted, stableHash(attempt === 0 ? key : `${key}\0${attempt}`));
    }
  }
}
