import type { ReactNode } from 'react';
import { Link } from '@backstage/ui';
import { Mono } from './Mono';

/**
 * A link out of the portal (a repository file, documentation), opened in a new tab. Only http(s)
 * URLs become links; anything else (`man:podman(1)`, a local folder) stays text.
 */
export function ExternalLink(props: {
  url: string;
  title?: string;
  children?: ReactNode;
}) {
  if (!/^https?:\/\//i.test(props.url))
    return <Mono title={props.title}>{props.children ?? props.url}</Mono>;
  return (
    <Link
      href={props.url}
      target="_blank"
      rel="noopener noreferrer"
      title={props.title}
    >
      {props.children ?? props.url}
    </Link>
  );
}
