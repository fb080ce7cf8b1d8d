/**
 * A short hash that never changes between runs or machines (FNV-1a, 32 bits, base 36, 7
 * characters). Used to keep names unique when they are cut or collide; not for security.
 */
export function stableHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36).padStart(7, '0');
}
