import { Paper, Stack, Text, Title, type MantineColor } from '@mantine/core';
import { useId, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './bar-chart.module.css';

export interface Bar {
  /** Stable key of the category (the row's `data-key`), whatever language the label is in. */
  key: string;
  label: string;
  count: number;
  /** Anything the row says besides its count (e.g. the money it adds up to). */
  note?: string;
}

/**
 * Horizontal bars for a few categories that are a table underneath: a screen reader reads each label with
 * its number, a sighted reader compares the bars, scaled to the largest. Drawn with CSS, no chart library
 * (Mantine charts would bring recharts and d3 for what is a handful of bars).
 */
export function BarChart(props: {
  title: string;
  bars: Bar[];
  /** What stands in place of the table when there are no bars. */
  empty: string;
  /** Heading level of the title under the screen's own headings. */
  order?: 2 | 3 | 4;
  color?: MantineColor;
  testId?: string;
}) {
  const { i18n } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...props.bars.map((b) => b.count));
  const total = props.bars.reduce((n, b) => n + b.count, 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={props.testId}>
      <Stack gap="xs">
        <Title order={props.order ?? 2} size="h5" id={id}>
          {props.title}
        </Title>
        {props.bars.length === 0 ? (
          <Text size="sm" c="dark.4">
            {props.empty}
          </Text>
        ) : (
          <table
            className={classes.table}
            aria-labelledby={id}
            style={{ '--bar-color': `var(--mantine-color-${props.color ?? 'blue'}-7)` } as CSSProperties}
          >
            <tbody>
              {props.bars.map((bar) => (
                <tr key={bar.key} data-key={bar.key}>
                  <th scope="row" className={classes.label}>
                    {bar.label}
                  </th>
                  <td className={classes.barCell} aria-hidden="true">
                    <div className={classes.bar} style={{ width: `${(bar.count / max) * 100}%` }} />
                  </td>
                  <td className={classes.count}>
                    {bar.count.toLocaleString(i18n.language)}
                    <span className={classes.share}> ({Math.round((bar.count / total) * 100)}%)</span>
                    {bar.note !== undefined && bar.note !== '' && <span className={classes.note}>{bar.note}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Stack>
    </Paper>
  );
}
