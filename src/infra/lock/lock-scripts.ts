/** The Lua scripts of `RedisLock`: each is one atomic step on the lock key and its fence counter. */

/**
 * KEYS[1] lock key, KEYS[2] fence counter; ARGV[1] token, ARGV[2] TTL ms. Takes the key only if
 * free and only then counts a fence, so a fence is issued once per successful acquisition. The
 * counter never expires: if it did, fences would start again at 1 and a stale holder would pass.
 */
export const ACQUIRE_SCRIPT = `
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
return 0
`;

/** KEYS[1] lock key; ARGV[1] token. Deletes the key only while it still holds this token. */
export const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/** KEYS[1] lock key; ARGV[1] token, ARGV[2] TTL ms. Pushes the expiry only for this token. */
export const EXTEND_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
`;
