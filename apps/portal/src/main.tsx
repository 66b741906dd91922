import '@mantine/core/styles.css';
import './portal.css';
import './i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CSSVariablesResolver, MantineProvider, createTheme } from '@mantine/core';
import { App } from './App';
import { SessionProvider } from './session';

// A darker primary than Mantine's default blue, so white text on it and it on white meet WCAG AA contrast.
const theme = createTheme({ primaryColor: 'indigo', primaryShade: 8 });
// Mantine's "dimmed" grey (field descriptions, placeholders) falls short of 4.5:1 on white; one shade darker.
const contrast: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={contrast}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </MantineProvider>
  </StrictMode>,
);
