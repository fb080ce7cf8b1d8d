import { docsAnchor, Reporter } from './report';
import { subjectsOf } from './subjects';
import type { CheckDefinition } from './types';

const ID = 'decision-not-recorded';

export const decisionNotRecorded: CheckDefinition = {
  id: ID,
  title: 'Decision cited but never recorded',
  severity: 'warning',
  rationale:
    'A comment that says "see D-171" sends the reader to a record. If no document has that record, the reason ' +
    'behind the line is lost with whoever wrote it — exactly what a handoff must not depend on.',
  remediation:
    'Write the record (a heading `### D-171 — …` in the decisions document, or its own file), or fix the id in ' +
    'the citing comment.',
  fixableByBump: false,
  docs: docsAnchor(ID),
  online: false,
  run(context) {
    const subjects = subjectsOf(context);
    const report = new Reporter(decisionNotRecorded, context);
    for (const decision of context.inventory.decisions) {
      const subject = subjects.decision(decision);
      if (decision.status === 'defined') {
        report.pass(
          subject,
          decision.definition,
          `${decision.id} is recorded${
            decision.title ? `: ${decision.title}` : ''
          }`,
        );
        continue;
      }
      const inFiles = decision.citations.filter(c => c.source);
      const inCommits = decision.citations.filter(c => c.commit && !c.source);
      const places = [
        inFiles.length > 0
          ? `${inFiles.length} file citation${inFiles.length > 1 ? 's' : ''}`
          : '',
        inCommits.length > 0
          ? `${inCommits.length} commit${
              inCommits.length > 1 ? 's' : ''
            } (${inCommits.map(c => c.commit!.slice(0, 7)).join(', ')})`
          : '',
      ].filter(Boolean);
      report.fail(
        subject,
        inFiles[0]?.source,
        `${decision.id} is cited (${places.join(
          ', ',
        )}) but no document records it`,
      );
    }
    return report.results;
  },
};
