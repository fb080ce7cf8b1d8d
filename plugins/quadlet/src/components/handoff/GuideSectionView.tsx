import { parseEntityRef } from '@backstage/catalog-model';
import { MarkdownContent } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Text } from '@backstage/ui';
import type { GuideSection } from '../../handoff/guideTypes';
import { guideLinkUri, sectionMarkdown } from '../../handoff/sectionMarkdown';
import { useGuideStyles } from './guideStyles';

/**
 * One section of the guide in a container whose id is the section's anchor, with links to the
 * catalog pages of the entities it documents (the page's own entity left out).
 */
export function GuideSectionView(props: {
  section: GuideSection;
  /** Where the section's `#anchor` links lead: the Handoff page's path. */
  linkBase: string;
  /** The entity the page belongs to: no link to itself. */
  selfRef?: string;
  /** Render without the section's id (the Reference tab, where the Handoff page owns the ids). */
  withoutId?: boolean;
}) {
  const { section, linkBase, selfRef } = props;
  const classes = useGuideStyles();
  const refs = section.entityRefs.filter(ref => ref !== selfRef);
  return (
    <section
      {...(props.withoutId ? {} : { id: section.id })}
      data-guide-section=""
      aria-label={section.title}
      className={classes.section}
    >
      {refs.length > 0 && (
        <div className={classes.entityLinks}>
          <Text variant="body-small" color="secondary">
            In the catalog:
          </Text>
          {refs.map(ref => (
            <EntityRefLink key={ref} entityRef={ref} title={ref}>
              {parseEntityRef(ref).name}
            </EntityRefLink>
          ))}
        </div>
      )}
      <MarkdownContent
        className={classes.markdown}
        content={sectionMarkdown(section)}
        transformLinkUri={guideLinkUri(linkBase)}
      />
    </section>
  );
}
