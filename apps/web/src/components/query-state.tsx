import { Alert, Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';

/** Loading and error states every screen shows the same way; children render once data is there. */
export function QueryState<T>(props: {
  query: { data: T | undefined; error: unknown; isPending: boolean };
  children: (data: T) => ReactNode;
}) {
  const { t } = useTranslation();
  if (props.query.error) {
    return (
      <Alert color="red" role="alert" title={errorMessage(props.query.error, t)}>
        {null}
      </Alert>
    );
  }
  if (props.query.isPending || props.query.data === undefined) {
    return (
      <Center py="xl" aria-busy="true">
        <Loader role="status" aria-label={t('app.loading')} />
      </Center>
    );
  }
  return <>{props.children(props.query.data)}</>;
}
