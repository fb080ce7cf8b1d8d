export { HandoffContent } from './HandoffContent';
export { ReferenceContent } from './ReferenceContent';
