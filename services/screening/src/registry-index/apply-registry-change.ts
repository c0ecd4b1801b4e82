import { ChangeKind, DocumentStatus, DocumentType, type DocumentStatusChanged } from '@docscreen/contracts';
import type { SltdIndex } from '@docscreen/sltd-index';
import { isDocumentStatus, type DocumentStatusName } from '@docscreen/travel-documents';

export type AppliedChange = 'listed' | 'withdrawn' | 'ignored';

/**
 * Applies one event of the compacted registry topic to the index. ADDED/UPDATED list the entry (its
 * latest status wins), WITHDRAWN removes it. Tombstones need no handling: a live follower has just
 * seen the WITHDRAWN event before it, and a rebuilding one never saw the entry at all.
 */
export function applyRegistryChange(index: SltdIndex, event: DocumentStatusChanged): AppliedChange {
  const { subject } = event;
  if (subject.case === undefined) return 'ignored';
  const documentType = DocumentType[subject.value.documentType];
  if (event.change === ChangeKind.WITHDRAWN) {
    if (subject.case === 'record') index.withdraw({ ...subject.value, documentType });
    else index.withdrawSeries({ ...subject.value, documentType });
    return 'withdrawn';
  }
  if (event.change !== ChangeKind.ADDED && event.change !== ChangeKind.UPDATED) return 'ignored';
  // An entry whose status is unset is still listed: an unknown status refers, it never clears.
  const status = statusName(subject.value.status);
  if (subject.case === 'record') index.upsert({ ...subject.value, documentType, status });
  else index.upsertSeries({ ...subject.value, documentType, status });
  return 'listed';
}

function statusName(status: DocumentStatus): DocumentStatusName {
  const name = (DocumentStatus[status] ?? '').toLowerCase();
  return isDocumentStatus(name) ? name : 'invalidated';
}
