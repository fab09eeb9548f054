import { setTimeout as sleep } from 'node:timers/promises';
import type { Queryable } from '../../db/pool.js';

// Caps, rate limits, ping limits, intent day counts and analytics days are calendar windows (the
// product's date_trunc or epoch arithmetic). A test whose requests must land in ONE such window fails
// when the wall clock crosses its end mid-test (CI at 23:59:59): these helpers make that explicit.

export interface CalendarWindow {
  unit: 'minute' | 'hour' | 'day' | 'week' | 'month';
  /** The zone the window is calendar-aligned in; default UTC. */
  timeZone?: string;
  /**
   * Seconds: if the window ends sooner than this, first wait for it to end (so a short scenario rarely
   * needs its second run). At most this long; default 0, no waiting.
   */
  margin?: number;
}

/**
 * Where both clocks are in the window: the database's (caps read, rate and ping limits counted) and
 * this process's (the API in the test process stamps leads with it); and seconds left in it.
 */
async function position(db: Queryable, w: CalendarWindow): Promise<{ key: string; left: number }> {
  const { rows } = await db.query<{ db: string; js: string; left: number }>(
    `SELECT date_trunc($1, c.t AT TIME ZONE $2)::text AS db,
            date_trunc($1, $3::timestamptz AT TIME ZONE $2)::text AS js,
            extract(epoch FROM
              (date_trunc($1, least(c.t, $3::timestamptz) AT TIME ZONE $2) + ('1 ' || $1)::interval)
                AT TIME ZONE $2 - greatest(c.t, $3::timestamptz))::float8 AS left
       FROM (SELECT clock_timestamp() AS t) c`,
    [w.unit, w.timeZone ?? 'UTC', new Date()],
  );
  const row = rows[0]!;
  return { key: `${row.db} | ${row.js}`, left: row.left };
}

/**
 * Runs `scenario`, whose requests must fall in one calendar window; if it fails and the window turned
 * over while it ran (detected on both clocks), runs it ONCE more: the next turnover is a whole window
 * away. A scenario must set up what it counts (its own account, key, flow or recipient), so that the
 * second run does not see the first one's counts.
 */
export async function inOneWindow<T>(
  db: Queryable,
  window: CalendarWindow,
  scenario: () => Promise<T>,
): Promise<T> {
  for (let run = 1; ; run++) {
    let at = await position(db, window);
    if (window.margin && at.left < window.margin) {
      await sleep(Math.ceil(at.left * 1000) + 50);
      at = await position(db, window);
    }
    try {
      return await scenario();
    } catch (err) {
      const after = await position(db, window);
      if (run > 1 || after.key === at.key) throw err;
      console.warn(
        `[calendar-window] the ${window.unit} window turned over during the scenario (${at.key} -> ${after.key}), ` +
          `which failed: ${err instanceof Error ? err.message.split('\n')[0] : err}; running it once more`,
      );
    }
  }
}
