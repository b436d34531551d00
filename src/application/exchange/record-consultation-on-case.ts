import { applyCaseCommand, type CaseCommand } from '../../domain/licensing/case-transitions.ts';
import type { Actor } from '../../domain/licensing/licence-case.ts';
import type { CaseEvent, CaseRecordStore } from '../ports/case-store.ts';
import type { Clock } from '../ports/clock.ts';

const exchangeActor: Actor = { userId: 'system', role: 'system', name: 'Cordon exchange' };

/**
 * Applies a consultation command (`block-for-consultation` or `record-consultation`) to a case as
 * the system, with a note for the case history; retried when an officer acted meanwhile. Returns
 * false when the case is gone or the workflow refuses the step (say, the case was withdrawn).
 */
export async function applyConsultationCommand(
  cases: CaseRecordStore,
  clock: Clock,
  caseId: string,
  command: Extract<CaseCommand, { kind: 'block-for-consultation' | 'record-consultation' }>,
  note: string,
): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const record = await cases.get(caseId);
    if (record === undefined) return false;
    const current = record.licenceCase;
    const blocked = current.blockingConsultations.includes(command.consultationId);
    if (command.kind === 'record-consultation' ? !blocked : blocked) return true;
    const now = clock.now();
    const next = applyCaseCommand(current, command, exchangeActor, now);
    if (!next.ok) return false;
    const event: CaseEvent = {
      version: next.value.version,
      at: now,
      actor: exchangeActor.name ?? 'system',
      role: 'system',
      action: command.kind,
      fromStage: current.stage,
      toStage: next.value.stage,
      note,
    };
    const saved = await cases.save(
      { ...record, licenceCase: next.value, history: [...record.history, event] },
      current.version,
      [event],
      [
        {
          actor: 'system',
          action: `cases.${command.kind}`,
          objectType: 'case',
          objectId: caseId,
          details: { consultationId: command.consultationId, note, version: next.value.version },
        },
      ],
    );
    if (saved) return true;
  }
  return false;
}
