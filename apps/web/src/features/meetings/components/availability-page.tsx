import { Alert, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { errorMessage } from '@/lib/errors';
import { intlLocale } from '@/lib/i18n';
import { useMyRegistration, type Registration } from '@/lib/my-registration';
import { dayKey, formatDay, formatTime, sameOffset, zoneLabel } from '@/lib/time';
import { useEvent } from '@/lib/events';
import { markedFrom, toWindows, useSaveAvailability, useSlotGrid, type Slot } from '../api/availability';
import classes from './availability-page.module.css';

/** When I can meet: the event's slot grid, marked by click, drag or keyboard, saved as windows. */
export function AvailabilityPage(props: { eventId: string }) {
  const { t } = useTranslation();
  const event = useEvent(props.eventId);
  const mine = useMyRegistration(props.eventId);
  const slots = useSlotGrid(props.eventId);
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('availability.title')}
      </Title>
      <Text>{t('availability.intro')}</Text>
      <QueryState query={event}>
        {(detail) => (
          <QueryState query={mine}>
            {(registration) =>
              registration ? (
                <QueryState query={slots}>
                  {(grid) =>
                    grid.length === 0 ? (
                      <Alert color="gray" role="status">
                        {t('availability.noSlots')}
                      </Alert>
                    ) : (
                      <AvailabilityGrid
                        key={registration.id}
                        eventId={props.eventId}
                        eventZone={detail.timeZone}
                        registration={registration}
                        slots={grid}
                      />
                    )
                  }
                </QueryState>
              ) : (
                <Alert color="yellow" role="alert">
                  {t('availability.notRegistered')}
                </Alert>
              )
            }
          </QueryState>
        )}
      </QueryState>
    </Stack>
  );
}

function AvailabilityGrid(props: { eventId: string; eventZone: string; registration: Registration; slots: Slot[] }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const { slots, eventZone, registration } = props;
  const homeZone = registration.timeZone;
  const [marked, setMarked] = useState(() => markedFrom(slots, registration.availability));
  const [focused, setFocused] = useState(slots[0].index);
  const save = useSaveAvailability(props.eventId, registration.id);
  const cells = useRef(new Map<number, HTMLButtonElement>());
  // While dragging: whether the drag marks or clears (decided by the slot it started on).
  const painting = useRef<boolean | null>(null);

  const rows: Slot[][] = [];
  const byDay = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = dayKey(slot.start, eventZone);
    if (!byDay.has(day)) {
      const row: Slot[] = [];
      byDay.set(day, row);
      rows.push(row);
    }
    byDay.get(day)!.push(slot);
  }

  const set = (index: number, on: boolean) => {
    save.reset();
    setMarked((current) => {
      if (current.has(index) === on) return current;
      const next = new Set(current);
      if (on) next.add(index);
      else next.delete(index);
      return next;
    });
  };
  const setAll = (on: boolean) => {
    save.reset();
    setMarked(on ? new Set(slots.map((s) => s.index)) : new Set());
  };

  const moveFocus = (index: number) => {
    setFocused(index);
    cells.current.get(index)?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, row: number, column: number) => {
    const go = (r: number, c: number) => {
      const target = rows[r];
      if (!target) return;
      e.preventDefault();
      moveFocus(target[Math.max(0, Math.min(c, target.length - 1))].index);
    };
    switch (e.key) {
      case 'ArrowRight':
        if (column + 1 < rows[row].length) go(row, column + 1);
        else go(row + 1, 0);
        break;
      case 'ArrowLeft':
        if (column > 0) go(row, column - 1);
        else if (row > 0) go(row - 1, rows[row - 1].length - 1);
        break;
      case 'ArrowDown':
        go(row + 1, column);
        break;
      case 'ArrowUp':
        go(row - 1, column);
        break;
      case 'Home':
        go(e.ctrlKey ? 0 : row, 0);
        break;
      case 'End':
        go(e.ctrlKey ? rows.length - 1 : row, e.ctrlKey ? rows[rows.length - 1].length - 1 : rows[row].length - 1);
        break;
    }
  };

  // A pointer (mouse, pen or finger) marks on press and paints over every slot it then crosses.
  const onPointerDown = (e: PointerEvent<HTMLButtonElement>, index: number) => {
    if (e.button !== 0) return;
    e.preventDefault();
    // Touch captures the pointer to the first cell; release it so moves reach the cells crossed.
    e.currentTarget.releasePointerCapture(e.pointerId);
    painting.current = !marked.has(index);
    set(index, painting.current);
    moveFocus(index);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (painting.current === null) return;
    const cell = document.elementFromPoint(e.clientX, e.clientY)?.closest<HTMLElement>('[data-slot]');
    if (cell) set(Number(cell.dataset.slot), painting.current);
  };
  const stopPainting = () => {
    painting.current = null;
  };

  const span = (slot: Slot, zone: string) =>
    `${formatTime(slot.start, zone, locale)}–${formatTime(slot.end, zone, locale)}`;

  return (
    <Stack gap="md">
      <Text size="sm" c="dark.5">
        {t('availability.howTo')}
      </Text>
      <Paper withBorder p="sm">
        <div
          role="grid"
          aria-label={t('availability.gridLabel', { zone: eventZone })}
          aria-describedby="availability-legend"
          className={classes.grid}
          onPointerMove={onPointerMove}
          onPointerUp={stopPainting}
          onPointerLeave={stopPainting}
          onPointerCancel={stopPainting}
        >
          {rows.map((row, r) => (
            <div role="row" key={row[0].index} className={classes.row} data-testid="availability-day">
              <div role="rowheader" className={classes.day}>
                <Text fw={600} size="sm">
                  {formatDay(dayKey(row[0].start, eventZone), locale)}
                </Text>
              </div>
              <div className={classes.cells}>
                {row.map((slot, c) => {
                  const on = marked.has(slot.index);
                  const showHome = !sameOffset(slot.start, eventZone, homeZone);
                  return (
                    <div role="gridcell" key={slot.index}>
                      <UnstyledButton
                        ref={(el: HTMLButtonElement | null) => {
                          if (el) cells.current.set(slot.index, el);
                          else cells.current.delete(slot.index);
                        }}
                        className={classes.cell}
                        data-slot={slot.index}
                        data-testid="slot"
                        aria-pressed={on}
                        aria-label={
                          showHome
                            ? t('availability.slotLabelBoth', {
                                event: span(slot, eventZone),
                                home: span(slot, homeZone),
                                zone: homeZone,
                              })
                            : span(slot, eventZone)
                        }
                        tabIndex={slot.index === focused ? 0 : -1}
                        onFocus={() => setFocused(slot.index)}
                        onKeyDown={(e) => onKeyDown(e, r, c)}
                        onPointerDown={(e) => onPointerDown(e, slot.index)}
                        onClick={(e) => {
                          // A pointer already toggled on press; a click with no pointer is Space or Enter.
                          if (e.detail === 0) set(slot.index, !on);
                        }}
                      >
                        <span className={classes.time}>{formatTime(slot.start, eventZone, locale)}</span>
                        {showHome && <span className={classes.home}>{formatTime(slot.start, homeZone, locale)}</span>}
                        <span className={classes.mark} aria-hidden="true">
                          {on ? '✓' : ''}
                        </span>
                      </UnstyledButton>
                    </div>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      </Paper>
      <Text size="xs" c="dark.5" id="availability-legend">
        {t('availability.legend', {
          event: zoneLabel(slots[0].start, eventZone, locale),
          home: zoneLabel(slots[0].start, homeZone, locale),
        })}
      </Text>
      <Group gap="xs">
        <Button variant="default" onClick={() => setAll(true)}>
          {t('availability.all')}
        </Button>
        <Button variant="default" onClick={() => setAll(false)}>
          {t('availability.none')}
        </Button>
        <Button
          onClick={() => save.mutate(marked.size === slots.length ? null : toWindows(slots, marked))}
          loading={save.isPending}
        >
          {t('availability.save')}
        </Button>
      </Group>
      <Text size="sm" aria-live="polite" data-testid="availability-count">
        {t('availability.count', { count: marked.size, total: slots.length })}
      </Text>
      {save.isSuccess && (
        <Alert color="green" role="status">
          {marked.size === 0 ? t('availability.savedNone') : t('availability.saved', { count: marked.size })}
        </Alert>
      )}
      {save.error && (
        <Alert color="red" role="alert">
          {errorMessage(save.error, t)}
        </Alert>
      )}
    </Stack>
  );
}
