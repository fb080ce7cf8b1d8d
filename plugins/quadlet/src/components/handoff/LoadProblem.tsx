import { Progress } from '@backstage/core-components';
import { Alert, Button, Flex, Text } from '@backstage/ui';

/** While the guide is generated or fetched: a bar and what is being waited for. */
export function Loading(props: { what: string }) {
  return (
    <Flex direction="column" gap="2" aria-busy="true">
      <Text variant="body-medium" color="secondary">
        {props.what}
      </Text>
      <Progress />
    </Flex>
  );
}

/**
 * A request that failed, with the backend's message (it names the box and the cause) and what
 * the reader can do about it.
 */
export function LoadProblem(props: {
  title: string;
  error: Error & { status?: number };
  onRetry?: () => void;
}) {
  const { error } = props;
  let hint: string | undefined;
  if (error.status === 503)
    hint =
      "The box's repositories could not be read just now; the portal tries again on the next visit.";
  else if (error.status === 404)
    hint =
      'The backend does not know this box: check quadletPortal.boxes in the app config.';
  else if (error.status === 401 || error.status === 403)
    hint = 'Sign in again, or ask for access to the box.';
  return (
    <Alert
      status={error.status === 503 ? 'warning' : 'danger'}
      icon
      title={props.title}
      description={
        <>
          <Text as="p" variant="body-medium">
            {error.message}
          </Text>
          {hint && (
            <Text as="p" variant="body-small" color="secondary">
              {hint}
            </Text>
          )}
        </>
      }
      customActions={
        props.onRetry ? (
          <Button size="small" variant="secondary" onPress={props.onRetry}>
            Try again
          </Button>
        ) : undefined
      }
    />
  );
}
