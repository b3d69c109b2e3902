/** The Lua scripts of the Redis idempotency store: one hash per key, every step atomic. */

/**
 * KEYS[1] the record; ARGV fingerprint, lockMs, new token. A new record is `running` with the
 * token and lapses after lockMs. A different fingerprint wins over `running` (422 before 409).
 * Replies `{'acquired', token}`, `{'mismatch'}`, `{'in-progress'}` or
 * `{'completed', status, headersJson, body}`.
 */
export const CLAIM_SCRIPT = `
local fp = redis.call('HGET', KEYS[1], 'fp')
if not fp then
  redis.call('HSET', KEYS[1], 'fp', ARGV[1], 'state', 'running', 'token', ARGV[3])
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return {'acquired', ARGV[3]}
end
if fp ~= ARGV[1] then return {'mismatch'} end
if redis.call('HGET', KEYS[1], 'state') == 'done' then
  local saved = redis.call('HMGET', KEYS[1], 'status', 'headers', 'body')
  return {'completed', saved[1], saved[2], saved[3]}
end
return {'in-progress'}
`;

/**
 * KEYS[1] the record; ARGV token, status, headersJson, body, retentionMs. Stores the response
 * only while the record is still the running claim of that token; returns 1 if stored.
 */
export const COMPLETE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 0 end
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'state', 'done', 'status', ARGV[2], 'headers', ARGV[3], 'body', ARGV[4])
redis.call('HDEL', KEYS[1], 'token')
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

/** KEYS[1] the record; ARGV token. Deletes the running claim of that token; returns 1 if so. */
export const RELEASE_SCRIPT = `
if redis.call('HGET', KEYS[1], 'state') ~= 'running' then return 0 end
if redis.call('HGET', KEYS[1], 'token') ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`;
