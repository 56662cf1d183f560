import type { MenuItemConstructorOptions } from 'electron';

/** The application menu, in Spanish. Roles keep the native behaviour. */
export function buildMenuTemplate(options: { isMac: boolean; onAbout: () => void }): MenuItemConstructorOptions[] {
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'Archivo',
      submenu: [options.isMac ? { role: 'close', label: 'Cerrar ventana' } : { role: 'quit', label: 'Salir' }],
    },
    {
      label: 'Editar',
      submenu: [
        { role: 'undo', label: 'Deshacer' },
        { role: 'redo', label: 'Rehacer' },
        { type: 'separator' },
        { role: 'cut', label: 'Cortar' },
        { role: 'copy', label: 'Copiar' },
        { role: 'paste', label: 'Pegar' },
        { role: 'selectAll', label: 'Seleccionar todo' },
      ],
    },
    {
      label: 'Ver',
      submenu: [
        { role: 'resetZoom', label: 'Tamaño normal' },
        { role: 'zoomIn', label: 'Acercar' },
        { role: 'zoomOut', label: 'Alejar' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Pantalla completa' },
      ],
    },
    {
      label: 'Ayuda',
      submenu: [{ label: 'Acerca de Valija', click: options.onAbout }],
    },
  ];
  if (options.isMac) {
    template.unshift({
      label: 'Valija',
      submenu: [
        { label: 'Acerca de Valija', click: options.onAbout },
        { type: 'separator' },
        { role: 'hide', label: 'Ocultar Valija' },
        { role: 'quit', label: 'Salir de Valija' },
      ],
    });
  }
  return template;
}
