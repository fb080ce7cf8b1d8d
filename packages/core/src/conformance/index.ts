export type { Expectation, ExpectationTable } from './expectations';
export {
  coreMessage,
  expectationFromHeader,
  parseExpectations,
} from './expectations';
export type {
  ConformanceFileResult,
  ConformanceReport,
  ConformanceTotals,
  Verdict,
} from './runConformance';
export { runConformance } from './runConformance';
export {
  formatConformanceDetails,
  formatConformanceSummary,
} from './formatConformance';
