import type { OfficeProfile, PublicOffice } from './office';
import type { SessionUser } from './users';

/** Why the sign-in screen is showing. */
export type LockReason = 'startup' | 'signed_out' | 'idle' | 'system';

export type SessionState =
  | { status: 'no_vault' }
  | { status: 'locked'; office: PublicOffice | null; reason: LockReason }
  | {
      status: 'signed_in';
      office: OfficeProfile;
      user: SessionUser;
      /** A temporary password must be replaced before anything else. */
      mustChangePassword: boolean;
      idleMinutes: number;
      /** Set up just now, and the recovery code not yet confirmed as kept: the wizard's last step is still showing. */
      recoveryPending?: boolean;
    };
