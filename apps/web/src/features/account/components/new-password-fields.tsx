import { PasswordInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export const MIN_PASSWORD = 10;

/** A new password typed twice; the error shows under the field it concerns once a submit was tried. */
export function NewPasswordFields(props: {
  value: { password: string; repeat: string };
  onChange: (value: { password: string; repeat: string }) => void;
  showErrors: boolean;
}) {
  const { t } = useTranslation();
  const { password, repeat } = props.value;
  return (
    <>
      <PasswordInput
        label={t('account.newPassword')}
        description={t('account.passwordHint')}
        autoComplete="new-password"
        required
        value={password}
        error={props.showErrors && password.length < MIN_PASSWORD ? t('account.tooShort') : undefined}
        onChange={(e) => props.onChange({ password: e.currentTarget.value, repeat })}
      />
      <PasswordInput
        label={t('account.repeatPassword')}
        autoComplete="new-password"
        required
        value={repeat}
        error={props.showErrors && repeat !== password ? t('account.mismatch') : undefined}
        onChange={(e) => props.onChange({ password, repeat: e.currentTarget.value })}
      />
    </>
  );
}

export const newPasswordValid = (value: { password: string; repeat: string }): boolean =>
  value.password.length >= MIN_PASSWORD && value.password === value.repeat;
