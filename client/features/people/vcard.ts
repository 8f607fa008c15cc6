import type { PersonDTO } from '@shared/people/types';

/** Escapes text for a vCard 3.0 value (RFC 2426: backslash, comma, semicolon, newline). */
function esc(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\n/g, '\\n')
    .replace(/([,;])/g, '\\$1');
}

/** A vCard 3.0 for a colleague, generated on the client (nothing extra sent to the server). */
export function toVCard(p: PersonDTO, organisation = 'Landeshauptstadt Stuttgart'): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `N:${esc(p.familyName)};${esc(p.givenName)};;;`,
    `FN:${esc(p.displayName)}`,
    `ORG:${esc(organisation)}${p.unit ? `;${esc(p.unit.name)}` : ''}`,
  ];
  if (p.position) lines.push(`TITLE:${esc(p.position)}`);
  if (p.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${esc(p.email)}`);
  if (p.phone) lines.push(`TEL;TYPE=WORK,VOICE:${esc(p.phone)}`);
  if (p.location) lines.push(`ADR;TYPE=WORK:;;${esc(p.location.name)};;;;`);
  lines.push('END:VCARD');
  return lines.join('\r\n') + '\r\n';
}

/** File name like "erika-muster.vcf", ASCII only. */
export function vCardFileName(p: PersonDTO): string {
  const base = p.displayName
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base || 'kontakt'}.vcf`;
}

/** Starts the download of a vCard through a temporary object URL. */
export function downloadVCard(p: PersonDTO): void {
  const blob = new Blob([toVCard(p)], { type: 'text/vcard;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = vCardFileName(p);
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
