// @ts-check

/*
 * The scorecard's runs and their results. Times are ISO 8601 UTC strings
 * (`2026-05-04T06:00:00.000Z`): they compare and sort the same on SQLite and PostgreSQL, where
 * timestamp columns come back as numbers on one and Date objects on the other.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('scorecard_runs', table => {
    table.comment(
      'One scorecard run of one box: what was read, when, and the scores',
    );
    table.increments('id').primary();
    table
      .string('box', 63)
      .notNullable()
      .comment('Box name (quadletPortal.boxes[].name)');
    table.string('trigger', 16).notNullable().comment('schedule or manual');
    table
      .string('status', 16)
      .notNullable()
      .comment('running, succeeded or failed');
    table.string('started_at', 32).notNullable();
    table.string('finished_at', 32).nullable();
    table
      .text('trees')
      .notNullable()
      .comment('JSON: [{ name, source, etag?, commit? }]');
    table
      .float('score')
      .nullable()
      .comment('Box score 0–1, null when nothing was decided');
    table
      .text('score_detail')
      .nullable()
      .comment('JSON: the box Score and Score per check');
    table.text('counts').nullable().comment('JSON: results per status');
    table
      .text('online')
      .notNullable()
      .comment('JSON: which online facts were gathered');
    table.text('error').nullable();
    table.string('requested_by', 255).nullable();
    table.index(
      ['box', 'status', 'started_at'],
      'scorecard_runs_box_status_idx',
    );
  });

  await knex.schema.createTable('scorecard_results', table => {
    table.comment('Every result of a run (docs/checks.md#results)');
    table.bigIncrements('id').primary();
    table
      .integer('run_id')
      .unsigned()
      .notNullable()
      .references('id')
      .inTable('scorecard_runs')
      .onDelete('CASCADE');
    table.string('check_id', 64).notNullable();
    table.string('status', 16).notNullable();
    table.string('severity', 16).notNullable();
    table.text('entity').notNullable();
    table
      .string('entity_ref', 255)
      .nullable()
      .comment('Lowercase catalog entity ref');
    table.text('fingerprint').notNullable();
    table
      .text('result')
      .notNullable()
      .comment('JSON: the full result, url included');
    table.index(['run_id', 'status'], 'scorecard_results_run_status_idx');
    table.index(['entity_ref', 'run_id'], 'scorecard_results_entity_ref_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('scorecard_results');
  await knex.schema.dropTable('scorecard_runs');
};
