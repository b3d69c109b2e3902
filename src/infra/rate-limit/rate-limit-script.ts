/** The Redis rate-limit store's Lua script: `sliding-window.ts`'s `hitAt`, atomic, on Redis's clock. */

/**
 * KEYS[1]: the key's hash (w window index, c current count, p previous count).
 * ARGV: limit, windowMs. Time is the server's `TIME`, so workers with skewed clocks agree.
 * The key expires two windows after its last counted hit (its weighted count is 0 by then).
 * Returns { allowed (0/1), remaining, resetMs, retryAfterMs }.
 */
export const RATE_LIMIT_SCRIPT = `
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local w = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local index = math.floor(now / w)
local elapsed = now - index * w
local h = redis.call('HMGET', key, 'w', 'c', 'p')
local sw = tonumber(h[1])
local c = tonumber(h[2]) or 0
local p = tonumber(h[3]) or 0
if sw == nil then c = 0; p = 0
elseif sw == index - 1 then p = c; c = 0
elseif sw ~= index then c = 0; p = 0 end
local decayed = p * (w - elapsed)
local allowed = decayed + (c + 1) * w <= limit * w
local left = w - elapsed
local retry = 0
if allowed then
  c = c + 1
  redis.call('HSET', key, 'w', index, 'c', c, 'p', p)
  redis.call('PEXPIRE', key, 2 * w)
else
  local room = limit - 1 - c
  retry = -1
  if room >= 0 and p > 0 then
    local wait = left - math.floor((room * w) / p)
    if wait < left then retry = math.max(1, wait) end
  end
  if retry < 0 then
    if limit < 1 then retry = left + w
    elseif c == 0 then retry = left
    else retry = left + math.max(0, w - math.floor(((limit - 1) * w) / c)) end
  end
end
local remaining = math.max(0, math.floor((limit * w - decayed - c * w) / w))
local reset = 0
if c > 0 then reset = 2 * w - elapsed elseif p > 0 then reset = left end
return { allowed and 1 or 0, remaining, reset, retry }
`;
