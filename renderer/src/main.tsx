import '@mantine/core/styles.css';
import '@mantine/dates/styles.css';
import '@mantine/notifications/styles.css';
import './inputs.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('Falta el elemento raíz de la página.');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
