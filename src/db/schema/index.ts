export * from './libraries.js';
export * from './app-settings.js';
export * from './scan-runs.js';
