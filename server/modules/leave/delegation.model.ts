import { Schema, model } from 'mongoose';
import { cluster } from '../../lib/cluster';

/**
 * A leader hands their approvals to their deputy until a day (inclusive). `_id` = the leader's
 * person id. A tiny collection (leaders only): held in memory, reloaded whole after a change.
 */
const delegationSchema = new Schema(
  {
    _id: { type: String, required: true },
    until: { type: String, required: true },
  },
  { timestamps: true, _id: false },
);

export interface Delegation {
  _id: string;
  until: string;
}
export const DelegationModel = model('LeaveDelegation', delegationSchema, 'leave_delegations');

const TOPIC = 'leave-delegations:changed';
let cache: Map<string, string> | null = null;
let loading: Promise<Map<string, string>> | null = null;

async function load(): Promise<Map<string, string>> {
  const docs = await DelegationModel.find({}).lean<Delegation[]>();
  return new Map(docs.map((d) => [d._id, d.until]));
}

/** Every delegation: leader id → last day (inclusive). */
export async function delegations(): Promise<Map<string, string>> {
  if (cache) return cache;
  loading ??= load()
    .then((m) => (cache = m))
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** The day a leader's delegation runs until, if it covers `today`. */
export async function delegatedUntil(personId: string, today: string): Promise<string | null> {
  const until = (await delegations()).get(personId);
  return until && until >= today ? until : null;
}

/** Starts (until = a day) or ends (null) a delegation. */
export async function setDelegation(personId: string, until: string | null): Promise<void> {
  if (until)
    await DelegationModel.updateOne({ _id: personId }, { $set: { until } }, { upsert: true });
  else await DelegationModel.deleteOne({ _id: personId });
  const map = await delegations();
  if (until) map.set(personId, until);
  else map.delete(personId);
  cluster.broadcast(TOPIC, personId);
}

cluster.on(TOPIC, () => {
  cache = null;
});

/** Tests: forget the cached copy. */
export function resetDelegations(): void {
  cache = null;
}
