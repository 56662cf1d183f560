import { Alert, Text } from '@mantine/core';
import type { CustodyVerification } from '../../../../shared/domain/custody';
import { DamageNotice, hasDamage } from '../../components/DamageNotice';

export function VerificationResult({ result }: { result: CustodyVerification }) {
  if (result.ok) {
    return (
      <Alert color="green" title="Integridad verificada" data-testid="verification-ok">
        {result.checked} {result.checked === 1 ? 'evento revisado' : 'eventos revisados'}
        {result.shipments > 1 ? ` en ${result.shipments} envíos` : ''}
        {result.audit ? ` y ${result.audit.checked} registros de la bitácora` : ''}: todo coincide.
      </Alert>
    );
  }
  const broken = result.firstBad !== null || result.audit?.ok === false;
  const findings = result.findings.length > 0 && (
    <>
      {result.findings.slice(0, 10).map((f) => (
        <Text size="sm" key={f.eventId}>
          Envío {f.folio ?? '(sin folio)'}: {f.reason}
        </Text>
      ))}
      {result.findings.length > 10 && <Text size="sm">… y {result.findings.length - 10} más.</Text>}
    </>
  );
  if (!broken) {
    return (
      <Alert color="orange" title="Las huellas coinciden, pero hay fechas que no pueden ser ciertas" data-testid="verification-findings">
        <Text size="sm" mb={4}>
          Ningún evento fue alterado, quitado ni reordenado ({result.checked} {result.checked === 1 ? 'evento revisado' : 'eventos revisados'}). Sin embargo:
        </Text>
        {findings}
      </Alert>
    );
  }
  return (
    <Alert color="red" title="La verificación encontró un problema" data-testid="verification-bad">
      {result.firstBad && (
        <Text size="sm">
          Envío {result.firstBad.folio ?? '(sin folio)'}, evento {result.firstBad.seq}: {result.firstBad.reason}
        </Text>
      )}
      {result.audit?.firstBad && (
        <Text size="sm">
          Bitácora de auditoría, registro {result.audit.firstBad.seq}: {result.audit.firstBad.reason}
        </Text>
      )}
      {findings}
      {hasDamage(result.damage) && (
        <div style={{ marginTop: 8 }}>
          <DamageNotice damage={result.damage} />
        </div>
      )}
    </Alert>
  );
}
