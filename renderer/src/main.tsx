/**
 * Renderer entry: mounts the React app into #root. Spec: docs/architecture.md, "Layers" (renderer/:
 * React UI, talks only to the preload API).
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
