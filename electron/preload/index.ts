import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createInvoke } from './invoke-guard';

// The page sees window.api.invoke(channel, input), and the one thing only the
// preload can tell it: where a file picked in a form lives on disk (the
// media loader reads it from there and hashes it again).
contextBridge.exposeInMainWorld(
  'api',
  Object.freeze({
    invoke: createInvoke((name, input) => ipcRenderer.invoke(name, input)),
    pathForFile: (file: File) => webUtils.getPathForFile(file) || null,
  }),
);
