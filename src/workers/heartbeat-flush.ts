/**
 * The SDK sends an activity's heartbeats at most every 80 % of its heartbeat timeout: 16 s of a 20 s
 * timeout, which leaves a loaded machine 4 s before a live activity is taken for dead. Sent every 5 s, the
 * heartbeat timeouts (15–30 s, chosen so that a dead worker is noticed within seconds) keep their slack.
 */
export const HEARTBEAT_FLUSH_INTERVAL = '5 seconds';
