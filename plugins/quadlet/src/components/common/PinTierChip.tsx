import { Chip, type ChipTone } from './Chip';

const TIERS: Record<string, { tone: ChipTone; label: string }> = {
  digest: { tone: 'positive', label: 'pinned by digest' },
  version: { tone: 'warning', label: 'version tag' },
  floating: { tone: 'negative', label: 'floating tag' },
};

/** How firmly an image reference is pinned: digest (immutable), version tag, floating tag. */
export function PinTierChip(props: {
  tier: string | undefined;
  reason?: string;
}) {
  const tier = props.tier ? TIERS[props.tier] : undefined;
  if (!tier) return <Chip tone="neutral">tier unknown</Chip>;
  return (
    <Chip tone={tier.tone} title={props.reason}>
      {tier.label}
    </Chip>
  );
}
