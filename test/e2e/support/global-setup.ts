import { electronBinary } from './electron-binary';

export default function globalSetup(): void {
  const binary = electronBinary();
  if (binary) console.log(`Electron: running the same specs against the real app (${binary}).`);
  else console.log('skipped: no Electron binary — the "electron" project did not run; specs ran against the browser harness only.');
}
