import { Paper, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '@/components/query-state';
import { useMe } from '../api/account';

export function AccountPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Paper withBorder p="lg" maw={560} mx="auto">
      <Stack>
        <Title order={1} size="h3">
          {t('account.profile')}
        </Title>
        <QueryState query={me}>
          {(user) => (
            <Table>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th scope="row">{t('account.name')}</Table.Th>
                  <Table.Td>{user.name}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('account.email')}</Table.Th>
                  <Table.Td>{user.email}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('account.locale')}</Table.Th>
                  <Table.Td>{user.locale}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th scope="row">{t('account.timeZone')}</Table.Th>
                  <Table.Td>{user.timeZone}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Stack>
    </Paper>
  );
}
