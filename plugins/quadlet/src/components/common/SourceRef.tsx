import { placeText, shortPlaceText, type Place } from '../../places';
import { ExternalLink } from './ExternalLink';
import { Mono } from './Mono';

/**
 * `file:line` of a fact: a link to the file at that line when the tree is browsable (the
 * provider sets `url` for GitHub trees), plain text for local trees. `short` shows only the file
 * name, with the full `tree:path:line` as tooltip.
 */
export function SourceRef(props: {
  place: Place | undefined;
  short?: boolean;
}) {
  const { place } = props;
  if (!place || !place.path) return null;
  const full = placeText(place);
  const text = props.short ? shortPlaceText(place) : full;
  if (!place.url) return <Mono title={full}>{text}</Mono>;
  return (
    <ExternalLink url={place.url} title={full}>
      <Mono>{text}</Mono>
    </ExternalLink>
  );
}
