import { readFileSync } from 'node:fs';
import { ExitCode, UsageError } from '../../errors.js';
import type { Context } from '../../context.js';
import type { BatchDecision, QueueName } from '../../services/moderation/index.js';

export const QUEUE_LABEL: Record<QueueName, string> = { formations: 'Formation', groups: 'Group', orgs: 'Organisation' };

/** approve/reject: each outcome on stderr (or all as JSON), exit 3 when some were skipped. */
export function reportBatch(ctx: Context, result: BatchDecision): number {
  if (ctx.out.json) ctx.out.writeJson(result);
  else {
    for (const o of result.outcomes) {
      if (o.status === 'approved' || o.status === 'rejected') ctx.out.success(`${o.queue} ${o.id} ${o.status}.`);
      else ctx.out.warn(o.message ?? `${o.queue} ${o.id}: ${o.status}`);
    }
    ctx.out.info(`${result.decided} decided, ${result.skipped} skipped.`);
  }
  return result.skipped > 0 ? ExitCode.rejected : ExitCode.ok;
}

/** Built-in rejection reasons, in French: members read them. */
export const DEFAULT_REASONS = [
  'Informations incomplètes : merci de préciser les dates, le lieu et un contact.',
  'Doublon : cet élément est déjà publié sur la plateforme.',
  'Hors du périmètre de la plateforme des anciens élèves.',
  'Contenu publicitaire ou commercial non sollicité.',
  'Prix ou devise manquants ou incohérents.',
  'Description trop courte ou peu claire : merci de la compléter.',
];

/**
 * Rejection reason templates: `--reasons FILE` or ALUMNI_REJECT_REASONS (one per line,
 * blank lines and lines starting with # ignored), else the built-in ones.
 */
export function loadReasons(file: string | undefined, env: NodeJS.ProcessEnv): string[] {
  const path = file ?? env.ALUMNI_REJECT_REASONS;
  if (!path) return DEFAULT_REASONS;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the reason templates ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  const reasons = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (reasons.length === 0) throw new UsageError(`${path} holds no reason template (one per line).`);
  return reasons;
}
