import { Alert, Badge, Button, FileInput, Group, List, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypeCsv } from '@tabler/icons-react';
import { useState } from 'react';
import type { ImportPreview } from '../../../../shared/domain/directory-views';
import { BADGE_FULL_WIDTH } from '../../components/status-badges';
import { call, errorMessage } from '../../api/client';
import { fileToUpload } from '../../api/files';
import { FormError } from '../../forms/FormError';

type Upload = Awaited<ReturnType<typeof fileToUpload>>;

const ACTION_LABELS = { crear: 'Nueva', actualizar: 'Actualiza', duplicado: 'Repetida en el archivo', error: 'Con errores' } as const;

const ACTION_COLORS = { crear: 'green', actualizar: 'blue', duplicado: 'gray', error: 'red' } as const;

export function CsvImport({ onClose, onImported }: { onClose: () => void; onImported: () => void }) {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (file: File | null) => {
    setPreview(null);
    setUpload(null);
    setError(null);
    if (!file) return;
    setBusy(true);
    try {
      const next = await fileToUpload(file);
      setPreview(await call('agencies.importPreview', { file: next }));
      setUpload(next);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async () => {
    if (!upload) return;
    setBusy(true);
    try {
      const result = await call('agencies.importApply', { file: upload });
      notifications.show({ color: 'green', title: 'Importación terminada', message: `${result.created} nuevas, ${result.updated} actualizadas, ${result.skipped} omitidas.` });
      onImported();
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const importable = preview ? preview.rows.filter((r) => r.action === 'crear' || r.action === 'actualizar').length : 0;

  return (
    <Stack gap="md">
      <Text size="sm">
        El archivo debe tener una fila de encabezados con al menos <b>nombre</b>, <b>siglas</b> y <b>tipo</b>; también se leen domicilio,
        teléfono, correo, notas y un destinatario (nombre, cargo e identificación). Se aceptan UTF-8 o Windows-1252 (Excel), separados
        por coma o punto y coma. Una dependencia que ya existe (mismas siglas o nombre) se actualiza, no se duplica.
      </Text>
      <FileInput label="Archivo CSV" placeholder="Elegir archivo…" accept=".csv,text/csv" leftSection={<IconFileTypeCsv size={18} />} onChange={(f) => void pick(f)} clearable disabled={busy} />
      <FormError error={error} />
      {preview && (
        <>
          <Text size="sm" c="dimmed" data-testid="import-summary">
            {preview.rows.length} filas leídas ({preview.encoding}, separadas por {preview.delimiter}): {preview.valid} correctas, {preview.invalid} con errores.
          </Text>
          <ScrollArea.Autosize mah={340}>
            <Table verticalSpacing={6} striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={60}>Línea</Table.Th>
                  <Table.Th w={100}>Siglas</Table.Th>
                  <Table.Th>Dependencia</Table.Th>
                  <Table.Th w={180}>Resultado</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((row) => (
                  <Table.Tr key={row.line} data-testid={`import-line-${row.line}`}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td>{row.acronym || '—'}</Table.Td>
                    <Table.Td>
                      {row.ok ? (
                        row.name
                      ) : (
                        <List size="xs" c="red.8">
                          {row.errors.map((e) => (
                            <List.Item key={e}>{e}</List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={ACTION_COLORS[row.action]} variant="light" tt="none" styles={BADGE_FULL_WIDTH}>
                        {ACTION_LABELS[row.action]}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
          {preview.invalid > 0 && (
            <Alert color="yellow">Las filas con errores no se importarán. Corríjalas en el archivo y vuelva a importarlo cuando quiera.</Alert>
          )}
        </>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          Cancelar
        </Button>
        <Button onClick={() => void confirm()} disabled={!preview || importable === 0} loading={busy}>
          {importable === 1 ? 'Importar 1 dependencia' : `Importar ${importable} dependencias`}
        </Button>
      </Group>
    </Stack>
  );
}
