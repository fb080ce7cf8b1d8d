import { dirName } from '../unit';
import type { InventoryUnit, UnitLink } from './types';

/**
 * Finds the container that serves a config file of the box: the one that bind-mounts the file
 * (or a folder holding it), else the first container whose image repository matches the
 * program (`llama-swap`, `litellm`, `caddy`). Mounts are indexed once.
 */
export class ServerIndex {
  private readonly mounts = new Map<string, InventoryUnit[]>();
  private readonly containers: InventoryUnit[];

  constructor(units: readonly InventoryUnit[]) {
    this.containers = units.filter(u => u.type === 'container');
    for (const unit of this.containers) {
      for (const volume of unit.volumes) {
        if (!volume.repoSource) continue;
        const key = `${volume.repoSource.tree}\0${volume.repoSource.path}`;
        const list = this.mounts.get(key);
        if (!list) this.mounts.set(key, [unit]);
        else if (!list.includes(unit)) list.push(unit);
      }
    }
  }

  /** Containers that mount the file itself or a folder above it, closest first. */
  mounting(tree: string, path: string): InventoryUnit[] {
    const out: InventoryUnit[] = [];
    for (let p = path; p !== ''; p = dirName(p)) {
      for (const unit of this.mounts.get(`${tree}\0${p}`) ?? [])
        if (!out.includes(unit)) out.push(unit);
    }
    return out;
  }

  /** Containers running an image whose repository matches. */
  running(image: RegExp): InventoryUnit[] {
    return this.containers.filter(
      u => u.image?.repository !== undefined && image.test(u.image.repository),
    );
  }

  serverOf(tree: string, path: string, image: RegExp): UnitLink | undefined {
    const mounted = this.mounting(tree, path)[0];
    if (mounted)
      return { id: mounted.id, name: mounted.name, reason: 'mounts-config' };
    const byImage = this.running(image)[0];
    return byImage
      ? { id: byImage.id, name: byImage.name, reason: 'image' }
      : undefined;
  }
}
