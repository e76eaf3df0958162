import { Alert, Badge, Button, Paper, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { formatDateTime } from '@/lib/time';
import { useBook, useUnplaced, type Unplaced } from '../api/b2b';

const PAGE = 50;

/**
 * Accepted requests still without a meeting, beside the grid: each with its
 * reason in words and, where one exists, the fix one click away (the earliest
 * slot where both are free with a table and an interpreter; or an interpreter
 * for the missing language pair).
 */
export function UnplacedList(props: {
  eventId: string;
  eventZone: string;
  locale: string;
  onNeedInterpreter: (pair: string) => void;
}) {
  const { t } = useTranslation();
  const unplaced = useUnplaced(props.eventId, true);
  const [shown, setShown] = useState(PAGE);
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="unplaced-title" h="100%">
      <Stack gap="xs">
        <Title order={2} size="h4" id="unplaced-title">
          {t('b2b.unplaced.title')}
          {unplaced.data && (
            <Badge ml="xs" color={unplaced.data.items.length ? 'orange' : 'green'} variant="light">
              {unplaced.data.items.length}
            </Badge>
          )}
        </Title>
        <QueryState query={unplaced}>
          {(list) =>
            list.items.length === 0 ? (
              <Text size="sm" role="status">
                {t('b2b.unplaced.none')}
              </Text>
            ) : (
              <ScrollArea.Autosize mah={560} type="auto">
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
                  {list.items.slice(0, shown).map((item) => (
                    <UnplacedItem key={item.requestId} item={item} {...props} />
                  ))}
                </Stack>
                {list.items.length > shown && (
                  <Button variant="subtle" size="compact-sm" mt="xs" onClick={() => setShown((n) => n + PAGE)}>
                    {t('b2b.unplaced.more', { count: list.items.length - shown })}
                  </Button>
                )}
              </ScrollArea.Autosize>
            )
          }
        </QueryState>
      </Stack>
    </Paper>
  );
}

function UnplacedItem(props: {
  item: Unplaced;
  eventId: string;
  eventZone: string;
  locale: string;
  onNeedInterpreter: (pair: string) => void;
}) {
  const { t } = useTranslation();
  const { item } = props;
  const book = useBook(props.eventId);
  const fix = item.freeSlots[0];
  const reason = item.reason ?? 'NOT_TRIED';
  return (
    <li data-testid="unplaced-item" aria-label={`${item.from.name} – ${item.to.name}`}>
      <Paper withBorder p="xs" radius="sm">
        <Text size="sm" fw={600}>
          {item.from.company ?? item.from.name} – {item.to.company ?? item.to.name}
        </Text>
        <Text size="xs" c="dark.5">
          {item.from.name} · {item.to.name}
        </Text>
        <Text size="sm" mt={4} data-testid="unplaced-reason">
          {t(`b2b.reasons.${reason}`, { defaultValue: reason })}
        </Text>
        {fix ? (
          <Button
            mt={6}
            size="compact-sm"
            variant="light"
            loading={book.isPending}
            onClick={() => book.mutate({ requestId: item.requestId, slotIndex: fix.index })}
          >
            {t('b2b.unplaced.placeAt', {
              time: formatDateTime(fix.start, props.eventZone, props.locale),
              count: item.freeSlots.length,
            })}
          </Button>
        ) : item.interpreterPair && reason === 'NO_INTERPRETER' ? (
          <Button
            mt={6}
            size="compact-sm"
            variant="light"
            onClick={() => props.onNeedInterpreter(item.interpreterPair!)}
          >
            {t('b2b.unplaced.addInterpreter', { pair: item.interpreterPair })}
          </Button>
        ) : (
          <Text size="xs" c="dark.5" mt={4}>
            {t('b2b.unplaced.noFix')}
          </Text>
        )}
        {book.error && (
          <Alert color="red" role="alert" mt={6} p="xs">
            {errorMessage(book.error, t)}
          </Alert>
        )}
      </Paper>
    </li>
  );
}
