import { describe, expect, it } from 'vitest';
import { DEFAULT_LOCK_WAIT_MS, lockDataDir, parseLockWait } from '../../src/db/datadir-lock.js';

describe('ALUMNI_LOCK_WAIT_MS', () => {
  it('reads a whole number of milliseconds; unset or empty is the default', () => {
    expect(parseLockWait(undefined)).toBe(DEFAULT_LOCK_WAIT_MS);
    expect(DEFAULT_LOCK_WAIT_MS).toBe(3_000);
    expect(parseLockWait('')).toBe(3_000);
    expect(parseLockWait('0')).toBe(0);
    expect(parseLockWait('300')).toBe(300);
    expect(parseLockWait(' 10000 ')).toBe(10_000);
  });

  it('refuses anything else with exit 2 and one line naming the variable and what it takes', () => {
    for (const value of ['3s', '-1', '1.5', '1e3', 'NaN', 'Infinity', '0x10', '99999999999999999999']) {
      expect(() => parseLockWait(value), value).toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: `ALUMNI_LOCK_WAIT_MS must be a whole number of milliseconds (0 or more, e.g. 3000), not ${JSON.stringify(value)}.`,
        }),
      );
    }
  });

  it('the lock itself refuses a wait that is not a whole number, rather than waiting forever', async () => {
    await expect(lockDataDir('/nonexistent/alumni.lock', Number.NaN)).rejects.toThrow(RangeError);
  });
});
