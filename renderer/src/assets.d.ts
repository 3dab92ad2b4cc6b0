/**
 * Module declarations for the non-code files the renderer imports (Vite bundles them).
 * Spec: renderer/vite.config.ts (styles are emitted as files, never inlined).
 */
declare module '*.css';
