import { Button, Group, Modal, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for the reason the people concerned are told (optional), then confirms. */
export function ReasonDialog(props: {
  opened: boolean;
  title: string;
  confirm: string;
  onClose: () => void;
  onConfirm: (reason: string | undefined) => void | Promise<void>;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={props.title}
      closeButtonProps={{ 'aria-label': t('registrationsAdmin.close') }}
    >
      <Textarea
        label={t('registrationsAdmin.reason')}
        description={t('registrationsAdmin.reasonHint')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value.replace(/[\r\n]+/g, ' '))}
        maxLength={500}
        autosize
        minRows={2}
        data-autofocus
      />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={props.onClose}>
          {t('registrationsAdmin.cancel')}
        </Button>
        <Button
          color="red"
          onClick={() => {
            const text = reason.trim() || undefined;
            setReason('');
            void props.onConfirm(text);
          }}
        >
          {props.confirm}
        </Button>
      </Group>
    </Modal>
  );
}
