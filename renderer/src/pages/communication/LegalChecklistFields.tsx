import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { LEGAL_CHECKS, LEGAL_CHECK_LABELS, type LegalCheck } from '../../../../shared/domain/releases';
import type { ChecklistValues } from './release-actions';

/** Jurídico's four questions, each «sí» or «no» with a note (a «sí» needs one: how it was handled). */
export function LegalChecklistFields({ value, onChange, errors }: { value: ChecklistValues; onChange: (next: ChecklistValues) => void; errors: Record<string, string> }) {
  const set = (check: LegalCheck, patch: Partial<ChecklistValues[LegalCheck]>) => onChange({ ...value, [check]: { ...value[check], ...patch } });
  return (
    <Stack gap="sm" data-testid="legal-checklist">
      <Text size="sm" fw={500}>
        Lista de revisión jurídica
      </Text>
      {LEGAL_CHECKS.map((check) => (
        <Stack key={check} gap={4}>
          <Radio.Group
            label={LEGAL_CHECK_LABELS[check]}
            withAsterisk
            value={value[check].answer ?? ''}
            onChange={(v) => set(check, { answer: v as 'si' | 'no' })}
            error={errors[`checklist.${check}`]}
          >
            <Group gap="lg" mt={4}>
              <Radio value="si" label="Sí" />
              <Radio value="no" label="No" />
            </Group>
          </Radio.Group>
          <TextInput
            aria-label={`Nota: ${LEGAL_CHECK_LABELS[check]}`}
            placeholder={value[check].answer === 'si' ? 'Cómo se atendió (obligatoria si responde «sí»)' : 'Nota (opcional)'}
            size="xs"
            value={value[check].note}
            onChange={(e) => set(check, { note: e.currentTarget.value })}
          />
        </Stack>
      ))}
    </Stack>
  );
}
