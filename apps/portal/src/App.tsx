import {
  Anchor,
  Box,
  Button,
  Container,
  Group,
  Loader,
  NativeSelect,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href, useRoute } from './route';
import { useSession } from './session';
import { SignInPage } from './pages/SignInPage';
import { CataloguePage } from './pages/CataloguePage';
import { RequestsPage } from './pages/RequestsPage';
import { RequestPage } from './pages/RequestPage';
import { InboxPage, inboxesOf } from './pages/InboxPage';
import { CreditsPage } from './pages/CreditsPage';
import { OfferingsAdminPage } from './pages/OfferingsAdminPage';

function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      label={t('app.language')}
      value={i18n.language}
      onChange={(event) => void i18n.changeLanguage(event.currentTarget.value)}
      data={[
        { value: 'nl', label: 'Nederlands' },
        { value: 'en', label: 'English' },
      ]}
      size="xs"
    />
  );
}

function Navigation() {
  const { t } = useTranslation();
  const { actor } = useSession();
  if (!actor) return null;
  const links: [string, string][] =
    actor.role === 'student'
      ? [
          [href('catalogue'), t('nav.catalogue')],
          [href('requests'), t('nav.requests')],
          [href('credits'), t('nav.credits')],
        ]
      : [
          ...inboxesOf(actor.role).map((kind): [string, string] => [
            href('inbox', kind),
            t(`nav.inbox.${kind}`),
          ]),
          // An admin keeps their institution's catalogue.
          ...(actor.role === 'admin'
            ? [[href('offerings'), t('nav.offerings')] as [string, string]]
            : []),
        ];
  return (
    <nav aria-label={t('app.title')}>
      <Group gap="md" wrap="wrap">
        {links.map(([to, label]) => (
          <Anchor key={to} href={to} fw={600}>
            {label}
          </Anchor>
        ))}
      </Group>
    </nav>
  );
}

function Page() {
  const { t } = useTranslation();
  const route = useRoute();
  const { actor, loading } = useSession();
  if (loading) return <Loader aria-label={t('common.loading')} />;
  if (!actor) return <SignInPage />;
  const [section, id] = route;
  const inbox = id ?? inboxesOf(actor.role)[0];
  switch (section) {
    case 'catalogue':
      return <CataloguePage />;
    case 'requests':
      return id ? <RequestPage id={id} /> : <RequestsPage />;
    case 'credits':
      return <CreditsPage />;
    case 'inbox':
      return inbox ? <InboxPage kind={inbox} /> : <Text>{t('app.noWork')}</Text>;
    case 'offerings':
      return actor.role === 'admin' ? <OfferingsAdminPage /> : <Text>{t('app.noWork')}</Text>;
    default:
      if (actor.role === 'student') return <CataloguePage />;
      if (actor.role === 'admin') return <OfferingsAdminPage />;
      return inbox ? <InboxPage kind={inbox} /> : <Text>{t('app.noWork')}</Text>;
  }
}

export function App() {
  const { t } = useTranslation();
  const { actor, signOut } = useSession();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <Box component="header" p="sm" style={{ borderBottom: '1px solid #ced4da' }}>
        <Group justify="space-between" align="end" wrap="wrap">
          <Group align="end" gap="lg" wrap="wrap">
            <Title order={1} size="h3">
              {t('app.title')}
            </Title>
            <Navigation />
          </Group>
          <Group align="end" gap="sm" wrap="wrap">
            {actor && (
              <Text size="sm">
                {t('app.signedInAs', { name: actor.name })} ({t(`role.${actor.role}`)},{' '}
                {actor.institutionCode})
              </Text>
            )}
            <LanguageSwitch />
            {actor && (
              <Button variant="outline" size="xs" onClick={() => void signOut()}>
                {t('app.signOut')}
              </Button>
            )}
          </Group>
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1}>
        <Container size="lg" py="lg">
          <Page />
        </Container>
      </Box>
    </>
  );
}
