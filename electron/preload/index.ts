import { contextBridge, ipcRenderer } from 'electron';
import { createInvoke } from './invoke-guard';

// The page sees exactly one thing: window.api.invoke(channel, input).
contextBridge.exposeInMainWorld('api', Object.freeze({ invoke: createInvoke((name, input) => ipcRenderer.invoke(name, input)) }));
