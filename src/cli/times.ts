/**
 * A time in ISO 8601 in the local time zone (TZ), with its offset: `2026-12-07T15:11:51+01:00`.
 * What plain output off a terminal shows: a script reads it back exactly, a person sees
 * their own clock. (JSON and CSV keep UTC, `…Z`: machine output does not change with TZ.)
 */
export function isoLocal(value: Date): string {
  const offsetMinutes = -value.getTimezoneOffset();
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const two = (n: number) => String(n).padStart(2, '0');
  const date = `${value.getFullYear()}-${two(value.getMonth() + 1)}-${two(value.getDate())}`;
  const time = `${two(value.getHours())}:${two(value.getMinutes())}:${two(value.getSeconds())}`;
  return `${date}T${time}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}
