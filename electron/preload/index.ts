import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { createInvoke } from './invoke-guard';

const PICKED_PATH_CHANNEL = 'valija-internal:picked-path';

// The page sees window.api.invoke(channel, input), and the one thing only the
// preload can tell it: where a file picked in a form lives on disk (the
// media loader reads it from there and hashes it again).
contextBridge.exposeInMainWorld(
  'api',
  Object.freeze({
    invoke: createInvoke((name, input) => ipcRenderer.invoke(name, input)),
    // Main registers the path it is told here, and the core reads no other (a page cannot name one itself).
    pathForFile: (file: File) => {
      const picked = webUtils.getPathForFile(file);
      if (!picked) return null;
      ipcRenderer.sendSync(PICKED_PATH_CHANNEL, picked);
      return picked;
    },
  }),
);
