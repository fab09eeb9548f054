/**
 * The payload key of the histories in test/histories/ recorded since payload encryption: fixed and
 * public on purpose (the recorded leads are made up), so the replay test can decrypt what
 * `npm run histories:record` encrypted. Never use it for real data; older recordings are plain text.
 */
export const RECORDED_HISTORIES_PAYLOAD_KEYS = `recorded-histories:${Buffer.from('leadrail recorded histories key!').toString('base64')}`;
