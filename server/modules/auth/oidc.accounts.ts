import { PersonModel } from '../people/person.model';
import { audit } from '../audit/audit.service';

export type OidcMatch = { ok: true; personId: string } | { ok: false; reason: string };

/**
 * The person behind an identity-provider subject: first by the linked `oidcSubject`, else by a
 * verified email, which then links the subject (only if that person has no other subject yet).
 * Unknown, ambiguous and inactive people are refused.
 */
export async function findOidcPerson(
  subject: string,
  verifiedEmail: string | undefined,
): Promise<OidcMatch> {
  const linked = await PersonModel.findOne({ oidcSubject: subject })
    .select({ _id: 1, active: 1 })
    .lean();
  if (linked) {
    return linked.active ? { ok: true, personId: String(linked._id) } : inactive();
  }
  if (!verifiedEmail) return { ok: false, reason: 'unknown_subject' };

  const byEmail = await PersonModel.find({ email: verifiedEmail })
    .select({ _id: 1, active: 1, oidcSubject: 1 })
    .limit(2)
    .lean();
  const [person] = byEmail;
  if (!person || byEmail.length !== 1) {
    return { ok: false, reason: byEmail.length ? 'ambiguous_email' : 'unknown_email' };
  }
  if (!person.active) return inactive();
  if (person.oidcSubject) return { ok: false, reason: 'linked_to_other_subject' };
  // Conditional update: two concurrent first logins cannot link two different subjects.
  const res = await PersonModel.updateOne(
    { _id: person._id, oidcSubject: null },
    { $set: { oidcSubject: subject } },
  );
  if (res.modifiedCount !== 1) return { ok: false, reason: 'link_race' };
  await audit({
    action: 'auth.oidc_linked',
    actorId: String(person._id),
    subjectType: 'person',
    subjectId: String(person._id),
  });
  return { ok: true, personId: String(person._id) };
}

const inactive = (): OidcMatch => ({ ok: false, reason: 'inactive' });
