import type { ReactNode } from 'react';
import { Text } from '@backstage/ui';

/** Says what is missing, in place of a list or value that is empty. */
export function EmptyNote(props: { children: ReactNode }) {
  return (
    <Text as="p" variant="body-medium" color="secondary">
      {props.children}
    </Text>
  );
}
