import { Box, Text } from '@mantine/core';

export interface Bar {
  label: string;
  value: number;
  /** What the bar says beside its length (the value, formatted, and anything else). */
  note: string;
}

/**
 * Horizontal bars for a few categories, drawn with CSS: a list a screen reader reads as label and note, no
 * chart library (Mantine charts would bring recharts and d3 for what is a handful of bars).
 */
export function BarChart(props: { title: string; bars: Bar[]; color?: string; testId?: string }) {
  const max = Math.max(1, ...props.bars.map((b) => b.value));
  return (
    <Box component="figure" m={0} data-testid={props.testId}>
      <Text component="figcaption" fw={600} size="sm" mb={6}>
        {props.title}
      </Text>
      <Box component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {props.bars.map((bar) => (
          <Box component="li" key={bar.label} mb={6}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {bar.label}
            </Text>
            <Box style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <Box
                aria-hidden
                style={{
                  height: 12,
                  // the longest bar takes 60% of the row, leaving room for its note
                  width: `${Math.max(1, (bar.value / max) * 60)}%`,
                  flex: 'none',
                  borderRadius: 3,
                  background: `var(--mantine-color-${props.color ?? 'blue'}-filled)`,
                }}
              />
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {bar.note}
              </Text>
            </Box>
          </Box>
        ))}
      </Box>
    </Box>
  );
}
