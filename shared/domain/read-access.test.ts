import { describe, expect, it } from 'vitest';
import { grantsSavedMessage, readAccessOf } from './read-access';

describe('what the Usuarios screen says a person may read of classified shipments', () => {
  it('names the role, the grants, or nothing', () => {
    expect(readAccessOf({ roles: ['juridico'], active: true })).toBe('rol');
    expect(readAccessOf({ roles: ['capturista', 'director'], active: true })).toBe('rol');
    expect(readAccessOf({ roles: ['administrador'], active: true, readGrants: [] })).toBe('rol');
    expect(readAccessOf({ roles: ['capturista'], active: true })).toBe('ninguno');
    expect(readAccessOf({ roles: ['capturista'], active: true, readGrants: ['reservada'] })).toBe('reservada');
    expect(readAccessOf({ roles: ['comunicacion_social'], active: true, readGrants: ['confidencial'] })).toBe('confidencial');
    expect(readAccessOf({ roles: ['capturista'], active: true, readGrants: ['confidencial', 'reservada'] })).toBe('ambas');
    // A deactivated user reads nothing, whatever they were granted or hold.
    expect(readAccessOf({ roles: ['administrador'], active: false, readGrants: ['reservada'] })).toBe('ninguno');
  });
});

describe('the confirmation after saving grants', () => {
  it('says in Spanish what the person may now read', () => {
    expect(grantsSavedMessage({ fullName: 'Lucía Ruiz', readGrants: ['reservada'] })).toBe('Acceso guardado: Lucía Ruiz ahora puede leer los envíos de información reservada.');
    expect(grantsSavedMessage({ fullName: 'Lucía Ruiz', readGrants: ['confidencial', 'reservada'] })).toBe('Acceso guardado: Lucía Ruiz ahora puede leer los envíos de información reservada y confidencial.');
    expect(grantsSavedMessage({ fullName: 'Lucía Ruiz', readGrants: [] })).toBe('Lucía Ruiz ya no tiene acceso a envíos reservados ni confidenciales, salvo los que prepare.');
  });
});
