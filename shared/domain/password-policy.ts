/**
 * The password rule, shared so the screen can explain it while the person
 * types and the core can enforce it. Long beats clever: at least 10
 * characters mixing three kinds, not the user name, not a well-known one.
 */
export const PASSWORD_MIN_LENGTH = 10;

const COMMON = new Set([
  'contraseña', 'contrasena', 'password', 'password1', 'qwerty', 'qwertyuiop', '1234567890', '0123456789',
  'administrador', 'admin12345', 'bienvenido', 'bienvenido1', 'mexico2026', 'valija2026', 'abc1234567',
]);

export const PASSWORD_RULES_TEXT = `Al menos ${PASSWORD_MIN_LENGTH} caracteres, con tres de estos cuatro tipos: minúsculas, mayúsculas, números y símbolos; que no contenga el nombre de usuario.`;

export function passwordProblems(password: string, userName = ''): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Debe tener al menos ${PASSWORD_MIN_LENGTH} caracteres.`);
  const kinds = [/[a-zñáéíóúü]/, /[A-ZÑÁÉÍÓÚÜ]/, /[0-9]/, /[^A-Za-z0-9ñÑáéíóúüÁÉÍÓÚÜ]/].filter((re) => re.test(password)).length;
  if (kinds < 3) problems.push('Debe combinar al menos tres tipos: minúsculas, mayúsculas, números o símbolos.');
  const user = userName.trim().toLowerCase();
  if (user.length >= 3 && password.toLowerCase().includes(user)) problems.push('No debe contener el nombre de usuario.');
  if (COMMON.has(password.toLowerCase())) problems.push('Es una contraseña demasiado común.');
  return problems;
}
