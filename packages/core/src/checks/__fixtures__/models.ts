import type { LocalModel } from '../../inventory/types';
import { at } from './testBox';

export const LLAMA_SWAP = 'home/dot_config/llama-swap/llama-swap.yaml';

export const GROUP = ['--no-mmap', '-fa', '-ngl', '--batch-size', '--ubatch-size', '--cache-type-k', '--cache-type-v', '--jinja', '--direct-io', '--cache-prompt', '--cache-reuse', '--threads'];

export function model(id: string, line: number, extra: Partial<LocalModel> = {}): LocalModel {
  return {
    id,
    aliases: [],
    groups: [],
    cmdFlags: ['--model', ...GROUP, '--host', '--port'],
    cmdArgs: ['--model', ...GROUP, '--host', '--port'].map(flag => ({ flag })),
    source: at(LLAMA_SWAP, line),
    config: { tree: 'dotfiles', path: LLAMA_SWAP },
    decisions: [],
    proxy: 'http://127.0.0.1:10001',
    ...extra,
  };
}
