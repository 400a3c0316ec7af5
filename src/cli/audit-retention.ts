import type { Context } from '../context.js';
import { DEFAULT_AUDIT_RETENTION } from '../services/job-names.js';
import { intervalValue } from './options.js';

/** purge-audit's retention as an interval: --older-than (already parsed), else ALUMNI_AUDIT_RETENTION, else 365 days. */
export function auditRetention(ctx: Context, olderThan: string | undefined): string {
  if (olderThan !== undefined) return olderThan;
  const fromEnv = ctx.io.env.ALUMNI_AUDIT_RETENTION;
  return fromEnv === undefined ? DEFAULT_AUDIT_RETENTION : intervalValue('ALUMNI_AUDIT_RETENTION', fromEnv);
}
