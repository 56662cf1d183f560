import { Drawer, Modal, createTheme, type MantineColorsTuple } from '@mantine/core';

// Guinda, the colour of Mexican public institutions, as the primary colour.
const guinda: MantineColorsTuple = [
  '#fbeef1', '#f0d9de', '#e0b0bb', '#d18595', '#c46175',
  '#bc4a61', '#b93e57', '#a33048', '#912940', '#691c32',
];

export const theme = createTheme({
  primaryColor: 'guinda',
  primaryShade: 8,
  colors: { guinda },
  fontFamily: '"Noto Sans", "Segoe UI", "DejaVu Sans", Roboto, Arial, sans-serif',
  headings: { fontFamily: '"Noto Sans", "Segoe UI", "DejaVu Sans", Roboto, Arial, sans-serif' },
  defaultRadius: 'sm',
  components: {
    // Mantine's close button is an icon with no name: screen readers (and tests) need one, in Spanish.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Cerrar' } } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Cerrar' } } }),
  },
});
