// Maps one box to catalog entities in a fresh process and prints one JSON line of measurements.
// Usage: node entities-child.cjs <dotfiles dir> <os dir>
// The box is read as the catalog provider reads a box config (`dotfiles` and `os` trees, named
// after their folders, local paths as locations) and described as the bench box of catalog.mjs,
// so the count is the one the provider applies. QP_BENCH_CORE: the compiled core (compile.mjs).
/* eslint-disable */
const path = require('node:path');
const {
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} = require('@backstage/catalog-model');

const compiled = process.env.QP_BENCH_CORE;
if (!compiled) require('@backstage/cli/config/nodeTransform.cjs');
const { inventoryToEntities, readBoxFromDirectories } = require(compiled ||
  path.resolve(__dirname, '../../packages/core/src/index.ts'));

const [dotfiles, os] = process.argv.slice(2).map(d => path.resolve(d));
const box = {
  name: 'bench',
  owner: 'group:default/box-admins',
  trees: [
    { name: path.basename(dotfiles), location: dotfiles },
    { name: path.basename(os), location: os },
  ],
};

readBoxFromDirectories({ dotfiles, os }).then(inventory => {
  const t0 = process.hrtime.bigint();
  const entities = inventoryToEntities(inventory, box);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const maxRssKb = process.resourceUsage().maxRSS;

  const kinds = {};
  const refs = new Set();
  let duplicates = 0;
  for (const entity of entities) {
    kinds[entity.kind] = (kinds[entity.kind] ?? 0) + 1;
    const ref = stringifyEntityRef(entity);
    if (refs.has(ref)) duplicates++;
    refs.add(ref);
  }
  // The entity policies the catalog applies to every entity before its kind's validation:
  // a name the catalog would reject shows up here already, without a backend.
  const policy = EntityPolicies.allOf([
    new DefaultNamespaceEntityPolicy(),
    new NoForeignRootFieldsEntityPolicy(),
    new FieldFormatEntityPolicy(),
    new SchemaValidEntityPolicy(),
  ]);
  const invalid = [];
  return Promise.all(
    entities.map(entity =>
      policy
        .enforce(JSON.parse(JSON.stringify(entity)))
        .catch(error =>
          invalid.push(`${stringifyEntityRef(entity)}: ${error.message}`),
        ),
    ),
  ).then(() => {
    process.stdout.write(
      `${JSON.stringify({
        ms,
        maxRssKb,
        entities: entities.length,
        unique: refs.size,
        duplicates,
        kinds,
        invalid: invalid.length,
        invalidExamples: invalid.slice(0, 3),
        errors: inventory.diagnostics.filter(d => d.severity === 'error')
          .length,
      })}\n`,
    );
  });
});
