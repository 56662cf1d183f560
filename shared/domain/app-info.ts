/** Facts about the running application, shown in the header and "Acerca de". */
export interface AppInfo {
  productName: string;
  version: string;
  /** Where the app runs: the real Electron window, or the browser test harness. */
  shell: 'electron' | 'harness';
  dataDir: string;
}
