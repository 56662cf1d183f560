import type { AppInfo } from '../../shared/domain/app-info';
import type { Handlers } from '../../shared/ipc/contract';

export interface ServicesConfig {
  dataDir: string;
  version: string;
  shell: AppInfo['shell'];
}

/**
 * Builds the core once per process. Electron's main process and the browser
 * harness both call this, so the UI is tested against the very same code.
 */
export function createServices(config: ServicesConfig) {
  return {
    config,
    appInfo(): AppInfo {
      return { productName: 'Valija', version: config.version, shell: config.shell, dataDir: config.dataDir };
    },
  };
}

export type Services = ReturnType<typeof createServices>;

/** The handler table: one entry per channel of the contract. */
export function createHandlers(services: Services): Handlers {
  return {
    'app.info': () => services.appInfo(),
  };
}
