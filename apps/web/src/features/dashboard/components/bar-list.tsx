import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import classes from './bar-list.module.css';

export interface Bar {
  key: string;
  label: string;
  count: number;
}

/**
 * A horizontal bar chart that is a table underneath: a screen reader reads each label with its number, a
 * sighted reader compares the bars. Bars are scaled to the largest.
 */
export function BarList(props: { title: string; items: Bar[]; empty?: string; testId?: string }) {
  const { i18n, t } = useTranslation();
  const id = useId();
  const max = Math.max(1, ...props.items.map((i) => i.count));
  const total = props.items.reduce((n, i) => n + i.count, 0);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id} data-testid={props.testId}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={id}>
          {props.title}
        </Title>
        {props.items.length === 0 ? (
          <Text size="sm" c="dark.4">
            {props.empty ?? t('dashboard.none')}
          </Text>
        ) : (
          <table className={classes.table} aria-labelledby={id}>
            <tbody>
              {props.items.map((item) => (
                <tr key={item.key} data-key={item.key}>
                  <th scope="row" className={classes.label}>
                    {item.label}
                  </th>
                  <td className={classes.barCell} aria-hidden="true">
                    <div className={classes.bar} style={{ width: `${(item.count / max) * 100}%` }} />
                  </td>
                  <td className={classes.count}>
                    {item.count.toLocaleString(i18n.language)}
                    <span className={classes.share}> ({Math.round((item.count / total) * 100)}%)</span>
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
