import { Flex } from '@backstage/ui';
import type { QuadletImage } from '../../spec';
import { Chip } from '../common/Chip';
import { EntityOrName } from '../common/EntityOrName';
import { FactList } from '../common/FactList';
import { Mono } from '../common/Mono';
import { PinTierChip } from '../common/PinTierChip';
import { SourceRef } from '../common/SourceRef';

/** An image reference with how it is pinned and what is wrong with it. */
export function ImageFacts(props: { image: Partial<QuadletImage> }) {
  const { image } = props;
  const refersToUnit = image.kind === 'unit';
  const text = image.text ?? '';
  return (
    <FactList
      facts={[
        {
          label: 'Reference',
          value: refersToUnit ? (
            <EntityOrName entityRef={image.ref} name={image.unit ?? text} />
          ) : (
            <Flex direction="column" gap="1">
              <Mono>{text}</Mono>
              {image.normalized && image.normalized !== text && (
                <Mono title="fully qualified">{image.normalized}</Mono>
              )}
            </Flex>
          ),
        },
        {
          label: 'Pinning',
          value: refersToUnit ? (
            'built or pulled by the quadlet unit it names'
          ) : (
            <ImageChips image={image} />
          ),
        },
        { label: 'Digest', value: digestValue(image) },
        {
          label: 'Written at',
          value: image.source ? <SourceRef place={image.source} /> : undefined,
        },
      ]}
    />
  );
}

function ImageChips(props: { image: Partial<QuadletImage> }) {
  const { image } = props;
  return (
    <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
      {image.kind === 'templated' && (
        <Chip tone="warning">templated: known once rendered</Chip>
      )}
      {image.kind === 'transport' && (
        <Chip tone="neutral">local transport</Chip>
      )}
      {image.kind === 'invalid' && (
        <Chip tone="negative" title={image.error}>
          {image.error ? `invalid: ${image.error}` : 'invalid reference'}
        </Chip>
      )}
      {(image.kind === undefined || image.kind === 'registry') && (
        <PinTierChip tier={image.pinTier} reason={image.pinReason} />
      )}
      {image.placeholder && (
        <Chip
          tone="negative"
          title="The tag holds an unfilled placeholder: it cannot exist in the registry"
        >
          placeholder tag
        </Chip>
      )}
      {image.shortName && (
        <Chip
          tone="warning"
          title="No registry written: podman's short-name policy decides, and enforcing mode fails without a TTY"
        >
          short name
        </Chip>
      )}
      {image.commitTag && <Chip tone="neutral">commit build tag</Chip>}
    </Flex>
  );
}

function digestValue(image: Partial<QuadletImage>) {
  if (image.digest) return <Mono>{image.digest}</Mono>;
  // A unit reference has no digest of its own; a registry reference without one can move.
  return image.kind === 'unit' ? undefined : 'none: the tag can move';
}
