// The rep's writes, delivered to Marketo: feedback and handoff actions as lead field updates, and, when
// an admin created a custom activity type for LeadLens, also as one custom activity per write.
import type { OutboxItem } from '../../domain/model';
import { activities, pagingToken } from './activities';
import { recordResult, type MarketoCall } from './client';
import { ACTIVITY_ATTRIBUTES, activityAttribute, leadIdOf, WireActivity, type MarketoFieldNames } from './map';
import { SourceError } from '../source';

export interface WriteBackContext {
  call: MarketoCall;
  names: MarketoFieldNames;
  /** The custom activity type feedback is also recorded as, if the admin created one. */
  activityTypeId?: number;
}

/** The field this write sets, by the instance's field names, and the value it sets it to. */
type Written = Record<string, string>;

export async function deliverWrite(context: WriteBackContext, item: OutboxItem): Promise<'delivered'> {
  const { names, activityTypeId } = context;
  const { payload } = item;
  const leadId = payload.handoffId === undefined ? undefined : leadIdOf(payload.handoffId);
  if (payload.kind === 'handoff_action' && leadId === undefined) {
    throw new SourceError(`The handoff ${payload.handoffId} did not come from Marketo.`, 'rejected');
  }
  const written: Written = payload.kind === 'feedback' ? { [names.verdict]: payload.verdict } : { [names.action]: payload.action };
  const updatedId = await updateLead(context, item, leadId, written);
  if (activityTypeId === undefined) return 'delivered';
  // Custom activities are write-once and Marketo takes no idempotency key: look for this key first.
  // A first attempt still in flight when the second looks can land twice; Marketo offers no lock.
  const id = updatedId ?? leadId;
  if (id === undefined) throw new SourceError('Marketo updated the lead but did not say its id.', 'bad_response');
  if (await activityRecorded(context.call, activityTypeId, id, item)) return 'delivered';
  await addActivity(context.call, { leadId: id, activityTypeId, item, written });
  return 'delivered';
}

/** When the rep clicked, not when the write got through. */
const actedAt = (item: OutboxItem) => new Date(item.createdAt).toISOString();

/** Updates the lead (by id when the write names a handoff, else by email); resolves to its id if said. */
async function updateLead({ call, names }: WriteBackContext, item: OutboxItem, leadId: number | undefined, written: Written) {
  const { payload, idempotencyKey } = item;
  // A field update is idempotent by nature: sent twice, it sets the same values.
  const input: Record<string, string | number> = {
    ...(leadId === undefined ? { email: payload.kind === 'feedback' ? payload.email : '' } : { id: leadId }),
    ...written,
    [names.reason]: payload.reasonCode ?? '',
    [names.note]: payload.note ?? '',
    [names.actedAt]: actedAt(item),
    [names.idempotencyKey]: idempotencyKey,
  };
  const body = await call('POST', '/rest/v1/leads.json', { json: { action: 'updateOnly', lookupField: leadId === undefined ? 'email' : 'id', input: [input] } });
  return recordResult(body, 'update the lead').id;
}

interface LeadLensActivity {
  leadId: number;
  activityTypeId: number;
  item: OutboxItem;
  written: Written;
}

async function addActivity(call: MarketoCall, { leadId, activityTypeId, item, written }: LeadLensActivity) {
  const attributes = [
    { apiName: ACTIVITY_ATTRIBUTES.reason, value: item.payload.reasonCode ?? '' },
    { apiName: ACTIVITY_ATTRIBUTES.note, value: item.payload.note ?? '' },
    { apiName: ACTIVITY_ATTRIBUTES.idempotencyKey, value: item.idempotencyKey },
  ];
  const activity = { leadId, activityDate: actedAt(item), activityTypeId, primaryAttributeValue: Object.values(written)[0], attributes };
  recordResult(await call('POST', '/rest/v1/activities/external.json', { json: { input: [activity] } }), 'add the LeadLens activity');
}

/** Whether the custom activity for this write is in Marketo already: it may have landed unanswered. */
async function activityRecorded(call: MarketoCall, activityTypeId: number, leadId: number, item: OutboxItem): Promise<boolean> {
  let token = await pagingToken(call, new Date(item.createdAt - 60_000).toISOString());
  for (let page = 0; page < 10; page++) {
    const body = await activities(call, token, { activityTypeIds: String(activityTypeId), leadIds: String(leadId) });
    const found = body.result.some((raw) => {
      const activity = WireActivity.safeParse(raw);
      return activity.success && activityAttribute(activity.data, ACTIVITY_ATTRIBUTES.idempotencyKey) === item.idempotencyKey;
    });
    if (found) return true;
    if (!body.moreResult) return false;
    token = body.nextPageToken;
  }
  return false;
}
