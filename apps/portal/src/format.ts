import i18n from './i18n';

// Dates in the Dutch format (dd-mm-jjjj) in either language: that is what Dutch institutions' documents use.
const date = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'Europe/Amsterdam',
});
const dateTime = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Amsterdam',
});

export const formatDate = (iso: string | null | undefined) =>
  iso ? date.format(new Date(iso)) : '–';
export const formatDateTime = (iso: string | null | undefined) =>
  iso ? dateTime.format(new Date(iso)) : '–';

/** Credits with their unit: EC, or study hours for mbo. */
export function formatCredits(credits: number, unit: 'EC' | 'hours'): string {
  const amount = new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL').format(credits);
  return unit === 'EC' ? `${amount} EC` : `${amount} ${i18n.t('unit.hours')}`;
}
