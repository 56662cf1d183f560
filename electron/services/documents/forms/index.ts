/**
 * The official paper forms (of a shipment, the resguardo of a social-network
 * account's password custodian, and the authorisation of a release) and one dispatcher over them, so the
 * render worker (and IPC) can ask for a form by name.
 */
import { AppError } from '../../../../shared/errors';
import { renderApprovalForm, type ApprovalFormInput } from './approval-form';
import { renderCustodyAcknowledgement, type CustodyAcknowledgementInput } from './custody-acknowledgement';
import { renderCustodyRegister, type CustodyRegisterInput } from './custody-register';
import { renderEnvelopeCover, renderEnvelopeLabel, type EnvelopeCoverInput, type EnvelopeLabelInput } from './envelope-cover';
import { renderIncidentReport, type IncidentReportInput } from './incident-report';
import { renderMediaManifest, type MediaManifestInput } from './media-manifest';
import { renderOpeningKeySheet, type OpeningKeySheetInput } from './opening-key-sheet';
import { renderPublicDirectory, type PublicDirectoryInput } from './public-directory';
import { renderProgrammeCompliance, type ProgrammeComplianceInput } from './programme-compliance';
import { renderReceipt, type ReceiptInput } from './receipt';
import { renderReleaseAuthorization, type ReleaseAuthorizationInput } from './release-authorization';

export { APPROVAL_FORM_TITLE, renderApprovalForm, type ApprovalFormInput, type ApprovalSigners } from './approval-form';
export { CUSTODIAN_DUTIES, CUSTODY_ACKNOWLEDGEMENT_TITLE, acknowledgementQrText, renderCustodyAcknowledgement, type CustodyAcknowledgementInput } from './custody-acknowledgement';
export { CUSTODY_REGISTER_TITLE, defaultBlankRows, renderCustodyRegister, type CustodyEventLine, type CustodyParty, type CustodyRegisterInput } from './custody-register';
export {
  LABEL_SIZES,
  classificationStamp,
  renderEnvelopeCover,
  renderEnvelopeLabel,
  type EnvelopeCoverInput,
  type EnvelopeLabelInput,
  type LabelSize,
} from './envelope-cover';
export { INCIDENT_REPORT_TITLE, renderIncidentReport, type IncidentReportInput } from './incident-report';
export { BAG_MANIFEST, MEDIA_MANIFEST_TITLE, ageDecryptCommand, renderMediaManifest, type AgeEncryptionInfo, type MediaManifestInput } from './media-manifest';
export { OPENING_KEY_TITLE, passphraseLines, renderOpeningKeySheet, type OpeningKeySheetInput } from './opening-key-sheet';
export { PUBLIC_DIRECTORY_TITLE, renderPublicDirectory, type PublicDirectoryInput } from './public-directory';
export { PROGRAMME_COMPLIANCE_TITLE, renderProgrammeCompliance, type ProgrammeComplianceInput } from './programme-compliance';
export { RECEIPT_TITLE, renderReceipt, type ReceiptInput } from './receipt';
export { RELEASE_AUTHORIZATION_TITLE, releaseQrText, renderReleaseAuthorization, type ReleaseAuthorizationInput } from './release-authorization';
export type { ClassificationInfo, EnvelopeInfo, InventoryLine, MediaFileLine, MediaInfo, PersonInfo, RecipientInfo, ShipmentFormBase, VoidInfo } from '../../../../shared/forms/form-inputs';
export { formQrText } from './form-text';

/** Every form by name, with its input. */
export interface FormInputs {
  approval: ApprovalFormInput;
  envelopeCover: EnvelopeCoverInput;
  envelopeLabel: EnvelopeLabelInput;
  custodyRegister: CustodyRegisterInput;
  receipt: ReceiptInput;
  mediaManifest: MediaManifestInput;
  openingKey: OpeningKeySheetInput;
  custodyAcknowledgement: CustodyAcknowledgementInput;
  incidentReport: IncidentReportInput;
  publicDirectory: PublicDirectoryInput;
  'release-authorization': ReleaseAuthorizationInput;
  programmeCompliance: ProgrammeComplianceInput;
}
export type FormName = keyof FormInputs;

const RENDERERS: { [N in FormName]: (input: FormInputs[N]) => Promise<Buffer> } = {
  approval: renderApprovalForm,
  envelopeCover: renderEnvelopeCover,
  envelopeLabel: renderEnvelopeLabel,
  custodyRegister: renderCustodyRegister,
  receipt: renderReceipt,
  mediaManifest: renderMediaManifest,
  openingKey: renderOpeningKeySheet,
  custodyAcknowledgement: renderCustodyAcknowledgement,
  incidentReport: renderIncidentReport,
  publicDirectory: renderPublicDirectory,
  'release-authorization': renderReleaseAuthorization,
  programmeCompliance: renderProgrammeCompliance,
};

export const FORM_NAMES = Object.keys(RENDERERS) as FormName[];

export function isFormName(value: unknown): value is FormName {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RENDERERS, value);
}

/** Renders a form by name; an unknown name is a VALIDATION error, not a crash. */
export function renderForm<N extends FormName>(name: N, input: FormInputs[N]): Promise<Buffer> {
  if (!isFormName(name)) return Promise.reject(new AppError('VALIDATION', `El formato «${String(name)}» no existe.`));
  const render = RENDERERS[name] as (input: FormInputs[N]) => Promise<Buffer>;
  return render(input);
}
