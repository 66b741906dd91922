import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiProblem } from '../api/client';

/** The API's problem, said in full; field errors are also shown at their fields. */
export function ProblemAlert({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('error.title');
  const hasFields = error instanceof ApiProblem && (error.problem.errors?.length ?? 0) > 0;
  return (
    <Alert color="red" title={t('error.title')} role="alert" my="sm">
      {hasFields ? t('error.fields') : message}
    </Alert>
  );
}

/** The API's message for a field, for an input's error prop. */
export function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiProblem ? error.fieldError(field) : undefined;
}
