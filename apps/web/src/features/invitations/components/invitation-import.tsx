import {
  Alert,
  Badge,
  Box,
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { sendInvitations, useRefreshInvitations } from '../api/invitations';
import { checkList, type InvitationRow } from '../model/invitation-csv';

/**
 * Rows per request: about a tenth of the list, so the bar moves in visible steps for any list, at least 5
 * and at most 50 (2,000 rows go in 40 requests, each checked and inserted quickly by the API).
 */
const chunkSize = (rows: number) => Math.min(50, Math.max(5, Math.ceil(rows / 10)));

interface Refused {
  row: number;
  email: string | null;
  errors: string[];
}

interface Run {
  total: number;
  sent: number;
  invited: number;
  refused: Refused[];
  error: unknown;
  done: boolean;
}

/**
 * Paste or upload a CSV; every row is checked here first (each problem shown on its row), then the good
 * rows go in pieces with a progress bar; rows the server refuses come back with its reasons.
 */
export function InvitationImport(props: { eventId: string }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [run, setRun] = useState<Run | null>(null);
  const refresh = useRefreshInvitations(props.eventId);
  const parsed = useMemo(() => checkList(text), [text]);
  const good = parsed.rows.filter((r) => r.problems.length === 0);
  const bad = parsed.rows.filter((r) => r.problems.length > 0);
  const sending = run !== null && !run.done;

  const upload = async (chosen: File | null) => {
    setFile(chosen);
    if (chosen) setText(await chosen.text());
  };

  const send = async () => {
    const rows: InvitationRow[] = good.map((r) => r.input);
    const state: Run = { total: rows.length, sent: 0, invited: 0, refused: [], error: null, done: false };
    setRun({ ...state });
    const size = chunkSize(rows.length);
    for (let at = 0; at < rows.length; at += size) {
      const piece = rows.slice(at, at + size);
      try {
        const result = await sendInvitations(props.eventId, piece);
        state.invited += result.invitedCount;
        // the server numbers rows within the piece; the organiser knows them by their row in the list
        for (const r of result.rejected) state.refused.push({ ...r, row: piece[r.row - 1]?.row ?? r.row });
      } catch (error) {
        state.error = error;
        break;
      }
      state.sent += piece.length;
      setRun({ ...state, refused: [...state.refused] });
    }
    setRun({ ...state, refused: [...state.refused], done: true });
    void refresh();
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="import-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="import-title">
          {t('invitationsAdmin.importTitle')}
        </Title>
        <Text size="sm">{t('invitationsAdmin.importHint')}</Text>
        <Textarea
          label={t('invitationsAdmin.paste')}
          placeholder={'name,email,company,country,locale\nWang Fang,wang@example.cn,Ganjiang Logistics,CN,zh'}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setFile(null);
          }}
          autosize
          minRows={4}
          maxRows={10}
          styles={{ input: { fontFamily: 'monospace', fontSize: 13 } }}
          disabled={sending}
        />
        <FileInput
          label={t('invitationsAdmin.upload')}
          accept=".csv,text/csv,text/plain"
          value={file}
          onChange={(f) => void upload(f)}
          clearable
          disabled={sending}
          w={320}
          maw="100%"
        />
        {parsed.missingColumns.length > 0 && (
          <Alert color="red" role="alert">
            {t('invitationsAdmin.missingColumns', { columns: parsed.missingColumns.join(', ') })}
          </Alert>
        )}
        {parsed.rows.length > 0 && parsed.missingColumns.length === 0 && (
          <>
            <Text size="sm" data-testid="import-summary" aria-live="polite">
              {t('invitationsAdmin.summary', { rows: parsed.rows.length, good: good.length, bad: bad.length })}
            </Text>
            <Box
              mah={320}
              style={{ overflow: 'auto' }}
              tabIndex={0}
              role="region"
              aria-label={t('invitationsAdmin.preview')}
            >
              <Table striped aria-label={t('invitationsAdmin.preview')} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('invitationsAdmin.row')}</Table.Th>
                    <Table.Th>{t('invitationsAdmin.email')}</Table.Th>
                    <Table.Th>{t('invitationsAdmin.name')}</Table.Th>
                    <Table.Th>{t('invitationsAdmin.check')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...bad, ...good].slice(0, 300).map((r) => (
                    <Table.Tr key={r.row} data-testid="preview-row" data-ok={r.problems.length === 0}>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{r.input.email || '—'}</Table.Td>
                      <Table.Td>{r.input.name || '—'}</Table.Td>
                      <Table.Td>
                        {r.problems.length === 0 ? (
                          <Badge color="green" variant="light">
                            {t('invitationsAdmin.ready')}
                          </Badge>
                        ) : (
                          <Text size="sm" c="red.9">
                            {r.problems.map((p) => t(`invitationsAdmin.problems.${p}`)).join('; ')}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
            <Group>
              <Button onClick={() => void send()} disabled={good.length === 0 || sending} loading={sending}>
                {t('invitationsAdmin.send', { count: good.length })}
              </Button>
              {bad.length > 0 && (
                <Text size="sm" c="dimmed">
                  {t('invitationsAdmin.skipped', { count: bad.length })}
                </Text>
              )}
            </Group>
          </>
        )}
        {run && (
          <Stack gap={6}>
            <Progress
              value={run.total ? (run.sent / run.total) * 100 : 100}
              aria-label={t('invitationsAdmin.progress')}
              data-testid="import-progress"
              animated={!run.done}
              size="lg"
            />
            <Text size="sm" aria-live="polite" data-testid="import-status">
              {run.done && !run.error
                ? t('invitationsAdmin.finished', { invited: run.invited, refused: run.refused.length })
                : t('invitationsAdmin.sending', { sent: run.sent, total: run.total })}
            </Text>
            {run.error !== null && (
              <Alert color="red" role="alert" data-testid="import-error">
                {t('invitationsAdmin.stopped', { sent: run.sent, total: run.total })} {errorMessage(run.error, t)}
              </Alert>
            )}
            {run.refused.length > 0 && (
              <Alert
                color="orange"
                role="status"
                data-testid="import-refused"
                title={t('invitationsAdmin.refusedRows')}
              >
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {run.refused.map((r) => (
                    <li key={r.row}>
                      {t('invitationsAdmin.rowLabel', { row: r.row })} {r.email ?? ''}: {r.errors.join('; ')}
                    </li>
                  ))}
                </ul>
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
