import type { Request } from 'express';
import { isoDate, type EntitlementInput } from '@shared/leave/schemas';
import type { EntitlementImportResultDTO, LeaveBalanceDTO } from '@shared/leave/types';
import { HttpError, conflict, notFound } from '../../lib/errors';
import { events } from '../../lib/events';
import { deny } from '../audit/deny';
import type { CurrentUser } from '../auth/current-user';
import { audit } from '../audit/audit.service';
import { directoryRows, peopleFromDirectory } from '../people/directory-index';
import { todayInBerlin } from './holidays';
import type { AdditionalLine, Ledger } from './ledger.model';
import { presentBalance } from './ledger.presenter';
import { allocateCarry, approveHeadroom } from './ledger.rules';
import { mutateLedger } from './ledger.store';
import { canManageLeave } from './hr.policy';

export const entitlementBelowApproved = () =>
  new HttpError(
    409,
    'entitlement_below_approved',
    'The entitlement would be below the approved days.',
  );
const stale = () => conflict('The entitlement was changed meanwhile; reload and try again.');

export interface EntitlementTerms {
  baseDays: number;
  workdays: number[];
  employedFrom: string | null;
  employedTo: string | null;
  additional: AdditionalLine[];
}

const normalTerms = (t: EntitlementTerms): EntitlementTerms => ({
  baseDays: t.baseDays,
  workdays: [...new Set(t.workdays)].sort((a, b) => a - b),
  employedFrom: t.employedFrom ?? null,
  employedTo: t.employedTo ?? null,
  additional: t.additional.map((a) => ({ label: a.label, days: a.days })),
});
const sameTerms = (a: EntitlementTerms, b: EntitlementTerms) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * Sets a ledger's terms (`rev` null: no stale check, for the import). Refused with 409
 * `entitlement_below_approved` when approved leave would exceed entitlement + carry-over;
 * pending requests may end up above it (their approval is then refused).
 */
async function setTerms(
  personId: string,
  year: number,
  terms: EntitlementTerms,
  rev: number | null,
): Promise<{ ledger: Ledger; changed: boolean; before: EntitlementTerms | null }> {
  let before: EntitlementTerms | null = null;
  const result = await mutateLedger(personId, year, (ledger) => {
    if (rev !== null && ledger.rev !== rev) throw stale();
    before = {
      baseDays: ledger.baseDays,
      workdays: ledger.workdays,
      employedFrom: ledger.employedFrom,
      employedTo: ledger.employedTo,
      additional: ledger.additional,
    };
    const next = normalTerms(terms);
    if (sameTerms(next, normalTerms(before))) return null;
    const entries = allocateCarry(ledger.entries, ledger.carryOver);
    if (approveHeadroom({ ...ledger, ...next, entries }) < -1e-9) throw entitlementBelowApproved();
    return next;
  });
  if (result.changed) events.publish('leave.balance_changed', { personId, year });
  return { ...result, before };
}

async function activePerson(personId: string) {
  const [person] = await peopleFromDirectory([personId]);
  if (!person) throw notFound();
  return person;
}

/** HR edits a person's entitlement for a year (`rev` guards against a stale form). */
export async function updateEntitlement(
  actor: CurrentUser,
  personId: string,
  year: number,
  input: EntitlementInput,
  req?: Request,
): Promise<LeaveBalanceDTO> {
  if (!canManageLeave(actor))
    throw await deny(actor, 'leave.entitlement_update', { type: 'person', id: personId }, req);
  await activePerson(personId);
  if (input.employedFrom && input.employedTo && input.employedFrom > input.employedTo) {
    throw new HttpError(400, 'validation_failed', 'Employment ends before it starts.', [
      { path: 'employedTo', code: 'from_after_to', message: 'Employment ends before it starts.' },
    ]);
  }
  const { ledger, changed, before } = await setTerms(
    personId,
    year,
    {
      baseDays: input.baseDays,
      workdays: input.workdays,
      employedFrom: input.employedFrom,
      employedTo: input.employedTo,
      additional: input.additional,
    },
    input.rev,
  );
  if (changed) {
    await audit({
      action: 'leave.entitlement_updated',
      actorId: actor.id,
      subjectType: 'person',
      subjectId: personId,
      detail: { year, before, after: input },
      req,
    });
  }
  return presentBalance(ledger, actor, todayInBerlin());
}

const WORKDAY_RANGE = /^([1-7])-([1-7])$/;

/** `1-5` or `1,2,3` (also `1;2` is impossible: `;` separates fields). */
export function parseWorkdays(raw: string): number[] | null {
  const s = raw.replace(/\s/g, '');
  if (s === '') return [1, 2, 3, 4, 5];
  const range = WORKDAY_RANGE.exec(s);
  if (range) {
    const [a, b] = [Number(range[1]), Number(range[2])];
    if (a > b) return null;
    return Array.from({ length: b - a + 1 }, (_, i) => a + i);
  }
  if (!/^[1-7](,[1-7])*$/.test(s)) return null;
  return [...new Set(s.split(',').map(Number))].sort((x, y) => x - y);
}

const parseDays = (raw: string): number | null => {
  const s = raw.trim().replace(',', '.');
  if (!/^\d{1,2}(\.\d+)?$/.test(s)) return null;
  const n = Number(s);
  return n <= 60 && Number.isInteger(n * 2) ? n : null;
};

const parseDate = (raw: string): string | null | false => {
  const s = raw.trim();
  if (s === '') return null;
  return isoDate.safeParse(s).success ? s : false;
};

export interface ImportLine {
  line: number;
  username: string;
  terms: Omit<EntitlementTerms, 'additional'>;
  additional: AdditionalLine | null;
}

const unquote = (s: string) =>
  s
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .replace(/""/g, '"')
    .trim();

/** Parses the CSV (`;`, header optional); bad lines come back as errors with their line number. */
export function parseEntitlementCsv(csv: string): {
  lines: ImportLine[];
  errors: { line: number; code: string }[];
} {
  const lines: ImportLine[] = [];
  const errors: { line: number; code: string }[] = [];
  csv.split(/\r?\n/).forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return;
    const cells = text.split(';').map(unquote);
    if (i === 0 && cells[0]?.toLowerCase() === 'username') return;
    if (cells.length < 2 || cells.length > 7)
      return void errors.push({ line, code: 'invalid_line' });
    const [username = '', base = '', wd = '', from = '', to = '', label = '', extra = ''] = cells;
    if (!username) return void errors.push({ line, code: 'unknown_person' });
    const baseDays = parseDays(base);
    if (baseDays === null) return void errors.push({ line, code: 'invalid_days' });
    const workdays = parseWorkdays(wd);
    if (!workdays) return void errors.push({ line, code: 'invalid_workdays' });
    const employedFrom = parseDate(from);
    const employedTo = parseDate(to);
    if (employedFrom === false || employedTo === false)
      return void errors.push({ line, code: 'invalid_date' });
    if (employedFrom && employedTo && employedFrom > employedTo)
      return void errors.push({ line, code: 'invalid_date' });
    let additional: AdditionalLine | null = null;
    if (label || extra) {
      const days = parseDays(extra);
      if (!label || label.length > 80 || days === null)
        return void errors.push({ line, code: 'invalid_additional' });
      additional = { label, days };
    }
    lines.push({
      line,
      username: username.toLowerCase(),
      terms: { baseDays, workdays, employedFrom, employedTo },
      additional,
    });
  });
  return { lines, errors };
}

/**
 * HR imports entitlements for a year. Each person's lines SET their terms (the last line's base
 * values, every line's additional entitlement), so importing the same file twice changes nothing.
 */
export async function importEntitlements(
  actor: CurrentUser,
  year: number,
  csv: string,
  req?: Request,
): Promise<EntitlementImportResultDTO> {
  if (!canManageLeave(actor))
    throw await deny(
      actor,
      'leave.entitlements_import',
      { type: 'leave_year', id: String(year) },
      req,
    );
  const { lines, errors } = parseEntitlementCsv(csv);
  const byUsername = new Map((await directoryRows()).map((r) => [r.person.username, r]));
  const perPerson = new Map<string, ImportLine[]>();
  for (const l of lines) {
    const row = byUsername.get(l.username);
    if (!row || !row.active) {
      errors.push({ line: l.line, code: 'unknown_person' });
      continue;
    }
    perPerson.set(row.id, [...(perPerson.get(row.id) ?? []), l]);
  }
  let imported = 0;
  let changedPeople = 0;
  for (const [personId, own] of perPerson) {
    const last = own[own.length - 1]!;
    const additional = own.map((l) => l.additional).filter((a): a is AdditionalLine => a !== null);
    try {
      const { changed } = await setTerms(personId, year, { ...last.terms, additional }, null);
      imported += own.length;
      if (changed) changedPeople += 1;
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      for (const l of own) errors.push({ line: l.line, code: err.code });
    }
  }
  errors.sort((a, b) => a.line - b.line);
  await audit({
    action: 'leave.entitlements_imported',
    actorId: actor.id,
    subjectType: 'leave_year',
    subjectId: String(year),
    detail: { year, imported, changedPeople, errors: errors.length },
    req,
  });
  return { imported, errors };
}
