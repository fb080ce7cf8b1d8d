/**
 * The kernel treats `-` and `_` in parameter names alike (`amd-iommu` is `amd_iommu`), so
 * keys are compared in one spelling. Values are compared as written.
 */
export function normaliseKernelArgKey(key: string): string {
  return key.replace(/-/g, '_');
}
