import fc from 'fast-check';
import { stringify } from 'yaml';
import { POLICY_SECTIONS } from './schema';
import { parsePolicyFile } from './parsePolicyFile';

const file = (text: string) => ({
  path: '.quadlet-portal/policy.yaml',
  content: Buffer.from(text),
});

describe('parsePolicyFile on any input', () => {
  it('never throws on arbitrary text, and every diagnostic has a line inside the file', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), text => {
        const { diagnostics } = parsePolicyFile('t', file(text));
        const lines = text.split('\n').length;
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(0);
          expect(d.line).toBeLessThanOrEqual(lines + 1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on well-formed YAML of any shape under the real section names', () => {
    const value = fc.letrec(tie => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string({ maxLength: 12 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(
          fc.constantFrom(
            'unit',
            'reason',
            'check',
            'entity',
            'decision',
            'expires',
            'required',
            'x',
          ),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...POLICY_SECTIONS, 'other'), value, {
          maxKeys: 5,
        }),
        doc => {
          const { fragment, diagnostics } = parsePolicyFile(
            't',
            file(stringify(doc)),
          );
          // An unknown section is reported exactly when there is one.
          expect(
            diagnostics.some(d =>
              d.message.startsWith('other: unknown section'),
            ),
          ).toBe('other' in doc);
          expect(fragment.tree).toBe('t');
        },
      ),
      { numRuns: 300 },
    );
  });
});
