/** The Redis attempt limiter's Lua script: `attempt-window.ts`'s rules, atomic, on Redis's clock. */

/**
 * KEYS[1]: the key's hash (c count, w window end, b blocked until, l lockouts, f lockouts
 * forgotten at; epoch ms of the server's TIME, so workers with skewed clocks agree).
 * ARGV: op (peek | fail | reset), limit, windowMs, max block ms, lockout memory ms.
 * Returns { blocked (0/1), retryAfterMs, count }.
 */
export const ATTEMPT_SCRIPT = `
local key = KEYS[1]
local op = ARGV[1]
local limit = math.max(1, tonumber(ARGV[2]))
local windowMs = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local h = redis.call('HMGET', key, 'c', 'w', 'b', 'l', 'f')
local c = tonumber(h[1]) or 0
local w = tonumber(h[2]) or 0
local b = tonumber(h[3]) or 0
local l = tonumber(h[4]) or 0
local f = tonumber(h[5]) or 0
if op == 'reset' then
  if f <= now then redis.call('DEL', key) else redis.call('HSET', key, 'c', 0, 'w', 0, 'b', 0) end
  return {0, 0, 0}
end
if b > now then return {1, b - now, c} end
if op == 'peek' then
  if w > now then return {0, 0, c} end
  return {0, 0, 0}
end
if w <= now then
  c = 0
  w = now + windowMs
end
c = c + 1
if c < limit then
  redis.call('HSET', key, 'c', c, 'w', w)
  redis.call('PEXPIREAT', key, math.max(w, f))
  return {0, 0, c}
end
local earlier = 0
if f > now then earlier = l end
local block = math.min(windowMs * math.pow(2, math.min(earlier, 30)), tonumber(ARGV[4]))
b = now + block
f = now + tonumber(ARGV[5])
redis.call('HSET', key, 'c', c, 'w', b, 'b', b, 'l', earlier + 1, 'f', f)
redis.call('PEXPIREAT', key, math.max(b, f))
return {1, block, c}`;
