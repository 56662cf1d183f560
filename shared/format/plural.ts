/** «1 usuario activo», «3 usuarios activos»: the count and the word that agrees with it (es-MX). */
export function countOf(n: number, singular: string, plural: string): string {
  return `${n.toLocaleString('es-MX')} ${n === 1 ? singular : plural}`;
}
