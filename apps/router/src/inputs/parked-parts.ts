import { ExecuteRequest, ParkedPart, parkedPartKey, ParkedPartFields } from '@switchyard/contracts';

export interface ParkedObject {
  part: ParkedPart;
  objectKey: string;
  /** the user whose request parked it, the only one whose request may read it */
  owner: string;
}

/**
 * The parts the gateway parked for this request, with the keys they were parked under. The keys
 * are derived from the caller's user id, the request id and the part's position; nothing in the
 * caller's body can name one.
 */
export function parkedObjects(req: ExecuteRequest, field: (typeof ParkedPartFields)[number]): ParkedObject[] {
  return (req.parked ?? []).flatMap((part, index) =>
    part.field === field
      ? [{ part, objectKey: parkedPartKey(req.principal.userId, req.requestId, index), owner: req.principal.userId }]
      : [],
  );
}
