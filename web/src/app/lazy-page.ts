import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export type PageModule = { default: ComponentType };

export interface LazyPage {
  component: LazyExoticComponent<ComponentType>;
  /** Loads the component's chunk (once; later calls answer the same module). */
  load: () => Promise<unknown>;
}

/**
 * A page component loaded with its chunk. A chunk already here (preloadPage fetched it while the session
 * was checked) is handed to React.lazy at once: given a promise, lazy suspends on its first render even for a
 * module already loaded, shows the fallback, and then holds the page back for React's 300 ms throttle on
 * revealing a fallback's content. The first page showed ~300 ms after its data had come.
 */
export function lazyPage(importChunk: () => Promise<PageModule>): LazyPage {
  let loaded: PageModule | undefined;
  const load = () =>
    importChunk().then((module) => {
      loaded = module;
      return module;
    });
  return { load, component: lazy(() => (loaded ? settled(loaded) : load())) };
}

/**
 * A thenable that answers at once: React.lazy reads a module from it without suspending (lazy calls `then`
 * and looks at what it was given before it returns). A Promise always answers later, in a microtask.
 */
function settled(module: PageModule): Promise<PageModule> {
  const thenable = {
    then(onFulfilled?: (value: PageModule) => unknown) {
      onFulfilled?.(module);
      return thenable;
    },
  };
  return thenable as unknown as Promise<PageModule>;
}
