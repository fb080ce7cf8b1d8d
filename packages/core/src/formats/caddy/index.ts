export {
  tokenizeCaddyfile,
  type CaddyToken,
  type CaddyQuote,
  type CaddyTokens,
} from './tokenize';
export {
  parseCaddyfile,
  wordsOf,
  type CaddyDocument,
  type CaddyImport,
  type CaddyNode,
  type CaddyText,
} from './parse';
export {
  resolveCaddyImports,
  snippetName,
  type ResolvedCaddyfile,
} from './resolveImports';
export {
  readSiteBlocks,
  type CaddySite,
  type CaddySiteBlocks,
  type CaddySnippet,
} from './siteBlocks';
export {
  parseSiteAddress,
  splitSiteAddresses,
  type CaddySiteAddress,
} from './siteAddress';
export { parseUpstream, type CaddyUpstream } from './upstream';
export {
  caddyRoutes,
  type CaddyHostname,
  type CaddyRoute,
  type CaddyRoutes,
} from './routes';
export { modelCaddyfile, isCaddyfileName, type CaddyModel } from './model';
