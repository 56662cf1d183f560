/**
 * What a bag check finds. `code` is stable (for code and tests), `message` is
 * Spanish (for the person at the workstation), `path` names the file when
 * there is one. The same shape serves errors (the bag is not valid) and
 * warnings (valid, but worth knowing).
 */
export type BagIssueCode =
  | 'DECLARATION' // bagit.txt missing or malformed
  | 'VERSION' // BagIt-Version unknown or malformed
  | 'ENCODING' // tag file not readable in the declared encoding, or a BOM where none is allowed
  | 'MANIFEST_MISSING'
  | 'MANIFEST_MALFORMED'
  | 'MANIFEST_TOO_LARGE'
  | 'DUPLICATE_ENTRY' // the same path twice in one manifest
  | 'AMBIGUOUS_NAME' // two names that only differ in case or Unicode normalisation
  | 'UNSUPPORTED_ALGORITHM'
  | 'WEAK_ALGORITHM' // the payload is vouched for only by MD5 and/or SHA-1
  | 'UNSAFE_PATH' // would leave the bag, or cannot be a bag path
  | 'OUTSIDE_PAYLOAD' // a payload manifest or fetch.txt naming a file outside data/
  | 'SYMLINK'
  | 'NOT_REGULAR_FILE' // devices, pipes, sockets
  | 'TOO_MANY_FILES'
  | 'FILE_MISSING'
  | 'FILE_ALTERED'
  | 'FILE_UNEXPECTED' // in data/ but in no manifest
  | 'FILE_NOT_IN_EVERY_MANIFEST'
  | 'PAYLOAD_OXUM'
  | 'BAG_INFO_MALFORMED'
  | 'FETCH_UNSUPPORTED'
  | 'SPECIAL_FILE' // .DS_Store, Thumbs.db…
  | 'TOOL_QUIRK' // md5sum's `*`, a leading `./`: tolerated, reported
  | 'READ_ERROR';

export interface BagIssue {
  code: BagIssueCode;
  message: string;
  path?: string;
}

/** Collects errors and warnings while a bag is read. */
export class IssueList {
  readonly errors: BagIssue[] = [];
  readonly warnings: BagIssue[] = [];

  error(code: BagIssueCode, message: string, path?: string): void {
    this.errors.push(path === undefined ? { code, message } : { code, message, path });
  }

  warn(code: BagIssueCode, message: string, path?: string): void {
    this.warnings.push(path === undefined ? { code, message } : { code, message, path });
  }

  /** Legacy bags (before 1.0) get a warning where 1.0 demands an error. */
  report(asError: boolean, code: BagIssueCode, message: string, path?: string): void {
    if (asError) this.error(code, message, path);
    else this.warn(code, message, path);
  }
}
