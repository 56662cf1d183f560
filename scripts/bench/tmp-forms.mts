import { mkdirSync, writeFileSync } from 'node:fs';
import { renderApprovalForm, renderCustodyRegister, renderMediaManifest, renderOpeningKeySheet, renderReceipt } from '../../electron/services/documents/forms/index.ts';
import { sampleApprovalInput, sampleCustodyInput, sampleManifestInput, sampleOpeningKeyInput, sampleReceiptInput } from '../../electron/services/documents/forms/form-samples.ts';
const out = process.argv[2]!;
mkdirSync(out, { recursive: true });
const forms: Record<string, () => Promise<Buffer>> = {
  approval: () => renderApprovalForm(sampleApprovalInput()),
  custody: () => renderCustodyRegister(sampleCustodyInput(30)),
  receipt: () => renderReceipt(sampleReceiptInput()),
  manifest: () => renderMediaManifest(sampleManifestInput()),
  openingKey: () => renderOpeningKeySheet(sampleOpeningKeyInput()),
};
for (const [name, f] of Object.entries(forms)) {
  await f();
  const t = performance.now();
  let pdf = Buffer.alloc(0);
  for (let i = 0; i < 5; i += 1) pdf = await f();
  writeFileSync(`${out}/${name}.pdf`, pdf);
  console.log(name, pdf.length, ((performance.now() - t) / 5).toFixed(0), 'ms');
}
