import type { CustodyEventType, CustodyParty } from '../../../../shared/domain/custody';

/** What the handoff form holds while it is filled in, shared by its field groups. */

export interface Values {
  type: CustodyEventType;
  when: string;
  from: CustodyParty;
  to: CustodyParty;
  place: string;
  purpose: string;
  seals: { number: string; intact: boolean; description: string }[];
  remarks: string;
  courierId: string | null;
  corrects: string | null;
  reason: string;
  scan: File | null;
}

export interface Me {
  name: string;
  position: string;
  institution: string;
}
