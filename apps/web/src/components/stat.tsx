import { Card, Text } from '@mantine/core';

/** One figure in a small card: what it counts above, the figure large below. */
export function Stat(props: { label: string; value: string; testId?: string }) {
  return (
    <Card withBorder padding="sm">
      <Text size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text size="xl" fw={700} data-testid={props.testId}>
        {props.value}
      </Text>
    </Card>
  );
}
