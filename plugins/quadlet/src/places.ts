/** A place in a box tree, as spec blocks carry them (`url` set when the tree is browsable). */
export interface Place {
  tree?: string;
  path: string;
  /** 1-based; 0 or absent for a whole file. */
  line?: number;
  url?: string;
}

/** `tree:path:line` as the CLI prints it; the line is left out for a whole file. */
export function placeText(place: Place): string {
  return `${place.tree ? `${place.tree}:` : ''}${place.path}${lineSuffix(
    place,
  )}`;
}

/** `piler.container:13`: short enough for a table cell; the full place goes in the tooltip. */
export function shortPlaceText(place: Place): string {
  const base = place.path.split('/').filter(Boolean).pop() ?? place.path;
  return `${base}${lineSuffix(place)}`;
}

function lineSuffix(place: Place): string {
  return place.line && place.line > 0 ? `:${place.line}` : '';
}
