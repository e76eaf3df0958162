/**
 * The schedule grid: tables × the day's slots. Only the rows in view are in
 * the page (250 tables would be 3,000 cells a day), each cell plain markup.
 * One focus stop (role="grid" with aria-activedescendant): arrows move the
 * active cell, Enter or Space picks a meeting up, arrows carry it, Enter drops
 * it, Escape puts it back; dragging with the mouse does the same. Every target
 * is checked against the loaded grid as it is reached, and the API's refusal,
 * if it still refuses, is written at the target.
 */
import { Alert, Button, Group, Paper, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { formatTime } from '@/lib/time';
import type { GridMeeting, GridSlot } from '../api/b2b';
import { cellKey, precheck, type Clash, type GridModel } from '../model/grid-model';
import classes from './schedule-grid.module.css';

const ROW_H = 60;
const TABLE_COL = 52;
const SLOT_COL = 150;
const OVERSCAN = 6;

export interface MoveRecord {
  meetingId: string;
  from: { slot: number; table: number };
  to: { slot: number; table: number };
}

interface Callout {
  key: string;
  text: string;
  tone: 'error' | 'ok' | 'info';
}

export function ScheduleGrid(props: {
  model: GridModel;
  slots: GridSlot[];
  eventZone: string;
  viewerZone: string;
  locale: string;
  statusLabel: string;
  move: (meeting: GridMeeting, slot: number, table: number) => Promise<void>;
  lock: (meeting: GridMeeting, locked: boolean) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { model, slots } = props;
  const tables = model.grid.tables;
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState({ row: 0, col: 0 });
  const [carrying, setCarrying] = useState<string | null>(null);
  const [callout, setCallout] = useState<Callout | null>(null);
  const [busy, setBusy] = useState(false);
  const [undo, setUndo] = useState<MoveRecord[]>([]);
  const [view, setView] = useState({ top: 0, height: 620 });
  const col = Math.min(active.col, slots.length - 1);
  const slotAt = (c: number) => slots[c]?.index ?? 0;
  const activeSlot = slotAt(col);
  const activeTable = active.row + 1;
  const activeMeeting = model.byCell.get(cellKey(activeSlot, activeTable)) ?? null;
  const carried = carrying ? (model.byId.get(carrying) ?? null) : null;

  const time = useCallback(
    (slot: number) => {
      const s = model.grid.slots[slot];
      return s ? formatTime(s.start, props.eventZone, props.locale) : '';
    },
    [model, props.eventZone, props.locale],
  );
  const pair = useCallback(
    (m: GridMeeting) => {
      const a = model.parties.get(m.registrationA);
      const b = model.parties.get(m.registrationB);
      return `${a?.company ?? a?.name ?? '?'} – ${b?.company ?? b?.name ?? '?'}`;
    },
    [model],
  );
  const clashText = useCallback(
    (clash: Clash, slot: number): string => {
      switch (clash.kind) {
        case 'locked':
          return t('b2b.clash.locked');
        case 'tableTaken':
          return t('b2b.clash.tableTaken', { table: clash.other.tableNo, time: time(slot), pair: pair(clash.other) });
        case 'delegateBusy':
          return t('b2b.clash.delegateBusy', {
            name: clash.who.name,
            time: time(slot),
            table: clash.other.tableNo,
            pair: pair(clash.other),
          });
        case 'unavailable':
          return t('b2b.clash.unavailable', { name: clash.who.name, time: time(slot) });
      }
    },
    [t, time, pair],
  );

  // What the target would say while a meeting is carried over it.
  const targetClash = carried ? precheck(model, carried, activeSlot, activeTable) : null;
  const liveText = carried
    ? callout?.key === cellKey(activeSlot, activeTable)
      ? callout.text
      : targetClash
        ? clashText(targetClash, activeSlot)
        : t('b2b.dropHere', { time: time(activeSlot), table: activeTable })
    : (callout?.text ?? '');

  useEffect(() => {
    if (active.col > slots.length - 1) setActive((a) => ({ ...a, col: Math.max(0, slots.length - 1) }));
  }, [slots.length, active.col]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const update = () => setView({ top: el.scrollTop, height: el.clientHeight });
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  /** Keeps the active cell in view (rows below the sticky header, columns right of the table numbers). */
  const reveal = (row: number, c: number) => {
    const el = scroller.current;
    if (!el) return;
    const top = row * ROW_H;
    const header = 44;
    if (top < el.scrollTop) el.scrollTop = top;
    else if (top + ROW_H + header > el.scrollTop + el.clientHeight)
      el.scrollTop = top + ROW_H + header - el.clientHeight;
    const left = TABLE_COL + c * SLOT_COL;
    if (left - TABLE_COL < el.scrollLeft) el.scrollLeft = left - TABLE_COL;
    else if (left + SLOT_COL > el.scrollLeft + el.clientWidth) el.scrollLeft = left + SLOT_COL - el.clientWidth;
    setView({ top: el.scrollTop, height: el.clientHeight });
  };

  const goTo = (row: number, c: number) => {
    const r = Math.max(0, Math.min(tables - 1, row));
    const cc = Math.max(0, Math.min(slots.length - 1, c));
    setActive({ row: r, col: cc });
    if (callout?.tone !== 'ok' || carrying) setCallout(null);
    reveal(r, cc);
  };

  const pickUp = (meeting: GridMeeting, key: string) => {
    if (meeting.locked) {
      setCallout({ key, text: t('b2b.clash.locked'), tone: 'error' });
      return;
    }
    setCarrying(meeting.id);
    setCallout({ key, text: t('b2b.pickedUp', { pair: pair(meeting) }), tone: 'info' });
  };

  const drop = async (slot: number, table: number) => {
    if (!carried || busy) return;
    const key = cellKey(slot, table);
    if (carried.slotIndex === slot && carried.tableNo === table) {
      setCarrying(null);
      setCallout({ key, text: t('b2b.moveCancelled'), tone: 'info' });
      return;
    }
    const clash = precheck(model, carried, slot, table);
    if (clash) {
      setCallout({ key, text: clashText(clash, slot), tone: 'error' });
      return;
    }
    const from = { slot: carried.slotIndex, table: carried.tableNo };
    setBusy(true);
    try {
      await props.move(carried, slot, table);
      setUndo((u) => [...u.slice(-19), { meetingId: carried.id, from, to: { slot, table } }]);
      setCarrying(null);
      setCallout({ key, text: t('b2b.moved', { pair: pair(carried), time: time(slot), table }), tone: 'ok' });
    } catch (error) {
      setCallout({ key, text: errorMessage(error, t), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const undoLast = async () => {
    const last = undo[undo.length - 1];
    const meeting = last ? model.byId.get(last.meetingId) : undefined;
    if (!last || !meeting || busy) return;
    setBusy(true);
    const key = cellKey(last.from.slot, last.from.table);
    try {
      await props.move(meeting, last.from.slot, last.from.table);
      setUndo((u) => u.slice(0, -1));
      setCallout({
        key,
        text: t('b2b.undone', { pair: pair(meeting), time: time(last.from.slot), table: last.from.table }),
        tone: 'ok',
      });
    } catch (error) {
      setCallout({ key, text: errorMessage(error, t), tone: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const toggleLock = async (meeting: GridMeeting) => {
    const key = cellKey(meeting.slotIndex, meeting.tableNo);
    try {
      await props.lock(meeting, !meeting.locked);
      setCallout({
        key,
        text: t(meeting.locked ? 'b2b.unlockedNote' : 'b2b.lockedNote', { pair: pair(meeting) }),
        tone: 'ok',
      });
    } catch (error) {
      setCallout({ key, text: errorMessage(error, t), tone: 'error' });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor(view.height / ROW_H) - 1);
    switch (e.key) {
      case 'ArrowDown':
        goTo(active.row + 1, col);
        break;
      case 'ArrowUp':
        goTo(active.row - 1, col);
        break;
      case 'ArrowRight':
        goTo(active.row, col + 1);
        break;
      case 'ArrowLeft':
        goTo(active.row, col - 1);
        break;
      case 'PageDown':
        goTo(active.row + page, col);
        break;
      case 'PageUp':
        goTo(active.row - page, col);
        break;
      case 'Home':
        goTo(e.ctrlKey ? 0 : active.row, 0);
        break;
      case 'End':
        goTo(e.ctrlKey ? tables - 1 : active.row, slots.length - 1);
        break;
      case 'Enter':
      case ' ':
        if (carried) void drop(activeSlot, activeTable);
        else if (activeMeeting) pickUp(activeMeeting, cellKey(activeSlot, activeTable));
        break;
      case 'Escape':
        if (!carried) return;
        setCarrying(null);
        goTo(
          carried.tableNo - 1,
          Math.max(
            0,
            slots.findIndex((s) => s.index === carried.slotIndex),
          ),
        );
        // after goTo, which clears the callout of the cell left behind
        setCallout({ key: cellKey(carried.slotIndex, carried.tableNo), text: t('b2b.moveCancelled'), tone: 'info' });
        break;
      case 'l':
      case 'L':
        if (activeMeeting && !carried) void toggleLock(activeMeeting);
        break;
      case 'z':
        if (!(e.ctrlKey || e.metaKey)) return;
        void undoLast();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const first = Math.max(0, Math.floor((view.top - 44) / ROW_H) - OVERSCAN);
  const last = Math.min(tables - 1, Math.ceil((view.top + view.height) / ROW_H) + OVERSCAN);
  const rows = useMemo(() => {
    const list: number[] = [];
    for (let r = first; r <= last; r++) list.push(r);
    if (active.row < first || active.row > last) list.push(active.row);
    return list;
  }, [first, last, active.row]);
  const template = `${TABLE_COL}px repeat(${slots.length}, ${SLOT_COL}px)`;
  const width = TABLE_COL + slots.length * SLOT_COL;
  const activeId = `cell-${activeSlot}-${activeTable}`;
  const lastUndo = undo[undo.length - 1];
  const lastUndoMeeting = lastUndo ? model.byId.get(lastUndo.meetingId) : undefined;

  const cell = (row: number, c: number) => {
    const slot = slots[c].index;
    const table = row + 1;
    const key = cellKey(slot, table);
    const m = model.byCell.get(key);
    const isActive = row === active.row && c === col;
    const a = m ? model.parties.get(m.registrationA) : undefined;
    const b = m ? model.parties.get(m.registrationB) : undefined;
    const interpreter = m?.interpreterId ? model.interpreters.get(m.interpreterId) : undefined;
    let cls = classes.cell;
    if (m) cls += ` ${m.locked ? classes.locked : classes.meeting}`;
    if (m && m.id === carrying) cls += ` ${classes.carried}`;
    if (isActive) cls += ` ${carried ? (targetClash ? classes.targetBad : classes.targetOk) : classes.active}`;
    const label = m
      ? t('b2b.cellLabel', {
          table,
          time: time(slot),
          a: `${a?.name ?? '?'} (${a?.company ?? '—'})`,
          b: `${b?.name ?? '?'} (${b?.company ?? '—'})`,
        }) +
        (interpreter ? `; ${t('b2b.interpreterNamed', { name: interpreter })}` : '') +
        `; ${m.locked ? t('b2b.lockedStatus') : props.statusLabel}`
      : t('b2b.emptyCell', { table, time: time(slot) });
    const showCallout = callout && callout.key === key && (isActive || !carried);
    return (
      <div
        key={c}
        id={`cell-${slot}-${table}`}
        role="gridcell"
        aria-colindex={c + 2}
        aria-label={label}
        aria-selected={isActive}
        className={cls}
        data-cell={key}
        draggable={Boolean(m && !m.locked)}
        onClick={() => {
          setActive({ row, col: c });
          scroller.current?.focus({ preventScroll: true });
        }}
        onDragStart={(e) => {
          if (!m) return;
          e.dataTransfer.setData('text/plain', m.id);
          e.dataTransfer.effectAllowed = 'move';
          setActive({ row, col: c });
          setCarrying(m.id);
        }}
        onDragOver={(e) => {
          if (!carrying) return;
          e.preventDefault();
          if (!isActive) setActive({ row, col: c });
        }}
        onDrop={(e) => {
          e.preventDefault();
          void drop(slot, table);
        }}
        onDragEnd={(e) => {
          // dropped outside the grid, or Escape during the drag: the meeting stays where it was
          if (e.dataTransfer.dropEffect === 'none') setCarrying(null);
        }}
      >
        {m && (
          <>
            <span className={classes.line} title={a?.company ?? a?.name}>
              {a?.company ?? a?.name}
            </span>
            <span className={classes.line} title={b?.company ?? b?.name}>
              {b?.company ?? b?.name}
            </span>
            <span className={classes.meta}>
              {m.locked ? t('b2b.lockedStatus') : props.statusLabel}
              {interpreter ? ` · ${interpreter}` : ''}
            </span>
          </>
        )}
        {showCallout && (
          <div
            className={`${classes.callout} ${
              callout.tone === 'error'
                ? classes.calloutError
                : callout.tone === 'ok'
                  ? classes.calloutOk
                  : classes.calloutInfo
            }`}
            data-testid="grid-callout"
            aria-hidden="true"
          >
            {callout.text}
          </div>
        )}
        {isActive && carried && !showCallout && targetClash && (
          <div className={`${classes.callout} ${classes.calloutError}`} data-testid="grid-callout" aria-hidden="true">
            {clashText(targetClash, slot)}
          </div>
        )}
      </div>
    );
  };

  return (
    <Stack gap="xs">
      <Text size="sm" c="dark.5" id="grid-help">
        {t('b2b.gridHelp')}
      </Text>
      <div
        ref={scroller}
        className={classes.scroller}
        role="grid"
        aria-label={t('b2b.gridLabel')}
        aria-describedby="grid-help"
        aria-rowcount={tables + 1}
        aria-colcount={slots.length + 1}
        aria-activedescendant={activeId}
        aria-busy={busy}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onScroll={(e) => setView({ top: e.currentTarget.scrollTop, height: e.currentTarget.clientHeight })}
        data-testid="schedule-grid"
      >
        <div role="rowgroup">
          <div role="row" aria-rowindex={1} className={classes.header} style={{ gridTemplateColumns: template, width }}>
            <div role="columnheader" className={classes.corner} aria-colindex={1}>
              {t('b2b.table')}
            </div>
            {slots.map((s, c) => {
              const eventTime = formatTime(s.start, props.eventZone, props.locale);
              const viewerTime = formatTime(s.start, props.viewerZone, props.locale);
              return (
                <div role="columnheader" key={s.index} className={classes.columnHeader} aria-colindex={c + 2}>
                  <span className={classes.eventTime}>
                    {eventTime}–{formatTime(s.end, props.eventZone, props.locale)}
                  </span>
                  {viewerTime !== eventTime && (
                    <span className={classes.viewerTime}>{t('b2b.yourTime', { time: viewerTime })}</span>
                  )}
                </div>
              );
            })}
          </div>
        </div>
        <div role="rowgroup" className={classes.body} style={{ height: tables * ROW_H, width }}>
          {rows.map((row) => (
            <div
              role="row"
              key={row}
              aria-rowindex={row + 2}
              className={classes.row}
              style={{ top: row * ROW_H, height: ROW_H, gridTemplateColumns: template, width }}
            >
              <div role="rowheader" className={classes.rowHeader} aria-colindex={1}>
                {row + 1}
              </div>
              {slots.map((_, c) => cell(row, c))}
            </div>
          ))}
        </div>
      </div>
      <VisuallyHidden role="status" aria-live="polite" data-testid="grid-live">
        {liveText}
      </VisuallyHidden>
      <Paper withBorder p="sm" data-testid="meeting-detail">
        {activeMeeting ? (
          <MeetingDetail
            meeting={activeMeeting}
            model={model}
            time={time(activeMeeting.slotIndex)}
            statusLabel={props.statusLabel}
            carrying={Boolean(carried)}
            onPickUp={() => {
              pickUp(activeMeeting, cellKey(activeSlot, activeTable));
              scroller.current?.focus({ preventScroll: true });
            }}
            onLock={() => void toggleLock(activeMeeting)}
          />
        ) : (
          <Text size="sm" c="dark.5">
            {carried ? liveText : t('b2b.noMeetingHere', { table: activeTable, time: time(activeSlot) })}
          </Text>
        )}
        {lastUndo && lastUndoMeeting && (
          <Group mt="xs" gap="xs">
            <Button variant="light" size="compact-sm" onClick={() => void undoLast()} disabled={busy}>
              {t('b2b.undo', {
                pair: pair(lastUndoMeeting),
                time: time(lastUndo.from.slot),
                table: lastUndo.from.table,
              })}
            </Button>
          </Group>
        )}
      </Paper>
      {callout?.tone === 'error' && !carried && (
        <Alert color="red" role="alert" data-testid="grid-error">
          {callout.text}
        </Alert>
      )}
    </Stack>
  );
}

function MeetingDetail(props: {
  meeting: GridMeeting;
  model: GridModel;
  time: string;
  statusLabel: string;
  carrying: boolean;
  onPickUp: () => void;
  onLock: () => void;
}) {
  const { t } = useTranslation();
  const { meeting, model } = props;
  const a = model.parties.get(meeting.registrationA);
  const b = model.parties.get(meeting.registrationB);
  const interpreter = meeting.interpreterId ? model.interpreters.get(meeting.interpreterId) : undefined;
  return (
    <Stack gap={4}>
      <Text fw={700} size="sm">
        {t('b2b.detailTitle', { table: meeting.tableNo, time: props.time })}
      </Text>
      <Text size="sm">
        {a?.name} · {a?.company ?? '—'}
      </Text>
      <Text size="sm">
        {b?.name} · {b?.company ?? '—'}
      </Text>
      <Text size="sm" c="dark.5">
        {interpreter ? t('b2b.interpreterNamed', { name: interpreter }) : t('b2b.noInterpreter')} ·{' '}
        {meeting.locked ? t('b2b.lockedStatus') : props.statusLabel}
      </Text>
      <Group gap="xs" mt={4}>
        <Button size="compact-sm" variant="light" onClick={props.onPickUp} disabled={meeting.locked || props.carrying}>
          {t('b2b.move')}
        </Button>
        <Button size="compact-sm" variant="light" color={meeting.locked ? 'gray' : 'dark'} onClick={props.onLock}>
          {meeting.locked ? t('b2b.unlock') : t('b2b.lock')}
        </Button>
      </Group>
    </Stack>
  );
}
