/**
 * The Lua script of the Redis risk counters: reads every count a scoring needs and records the event, atomically and
 * in one round trip. Keys (all under one `{workspace}` hash tag, so a Redis Cluster keeps them in one slot):
 *
 * KEYS[1] seen marker of the event id (string, expires after the retention)
 * KEYS[2] customer hash, KEYS[3] customer events zset (`action:eventId` by time, last day)
 * KEYS[4] store hash (value statistics and histogram `h<bucket>`; kept: it is the store's value distribution),
 *         KEYS[5] store orders zset, KEYS[6] store quick orders zset (both by time, last day)
 * then five keys per entity: accounts zset (customer by last seen), creations zset (customer by account creation),
 * quick buyers zset (customer by time), events zset (event id by time, last day), hash (chargebacks).
 *
 * ARGV: now, eventId, customerId, customerCreatedAt, action, value ('' when none), record (1/0), quick (1/0),
 * hourMs, dayMs, retentionMs, createdNearMs, value bucket, entity count.
 *
 * Returns `{entities, customer, customerActions, store, storeWindows}`, numbers as strings (Redis would truncate
 * Lua floats to integers). The script reduces what it reads to the counts the features use (the customer's events
 * of the last day to counts per action, the store's value histogram to the event's rank in it): the reply stays a
 * few dozen short strings however busy a customer or store is (whole histograms and event lists were most of the
 * client's reply parsing and garbage per scoring).
 */
export const REDIS_COUNTER_SCRIPT = `
local now = tonumber(ARGV[1])
local eventId = ARGV[2]
local cust = ARGV[3]
local createdAt = tonumber(ARGV[4])
local action = ARGV[5]
local value = ARGV[6]
local record = ARGV[7] == '1'
local quick = ARGV[8] == '1'
local hour = tonumber(ARGV[9])
local day = tonumber(ARGV[10])
local retention = tonumber(ARGV[11])
local near = tonumber(ARGV[12])
local bucket = ARGV[13]
local n = tonumber(ARGV[14])

local function selfWithin(key, from)
  local s = redis.call('ZSCORE', key, cust)
  if s and tonumber(s) >= from then return 1 end
  return 0
end

local entities = {}
for i = 0, n - 1 do
  local acc, created, q, ev, h = KEYS[7 + i * 5], KEYS[8 + i * 5], KEYS[9 + i * 5], KEYS[10 + i * 5], KEYS[11 + i * 5]
  -- The customer's own entry, read once for both windows.
  local selfScore = redis.call('ZSCORE', acc, cust)
  local selfSeen = selfScore and tonumber(selfScore) or nil
  local other = redis.call('ZCOUNT', acc, now - retention, '+inf') - ((selfSeen and selfSeen >= now - retention) and 1 or 0)
  local otherDay = redis.call('ZCOUNT', acc, now - day, '+inf') - ((selfSeen and selfSeen >= now - day) and 1 or 0)
  local evHour = redis.call('ZCOUNT', ev, now - hour, '+inf')
  local evDay = redis.call('ZCOUNT', ev, now - day, '+inf')
  local last = redis.call('ZREVRANGE', acc, 0, 0, 'WITHSCORES')
  local lastSeen = ''
  if last[2] and tonumber(last[2]) >= now - retention then lastSeen = last[2] end
  local quickOther = redis.call('ZCOUNT', q, now - retention, '+inf') - selfWithin(q, now - retention)
  local nearCount = redis.call('ZCOUNT', created, createdAt - near, createdAt + near)
  local selfCreated = redis.call('ZSCORE', created, cust)
  if selfCreated and math.abs(tonumber(selfCreated) - createdAt) <= near then nearCount = nearCount - 1 end
  local chargebacks = redis.call('HGET', h, 'chargebacks') or '0'
  entities[#entities + 1] = { tostring(other), tostring(otherDay), tostring(evHour), tostring(evDay), lastSeen,
    tostring(quickOther), tostring(nearCount), chargebacks }
end

local customer = redis.call('HMGET', KEYS[2], 'orders', 'valueSum', 'valueSumSquares', 'maxValue', 'notReceived', 'chargebacks', 'lastAt')
for i = 1, 7 do customer[i] = customer[i] or '' end
local actionCounts = {}
local actionOrder = {}
local events = redis.call('ZRANGEBYSCORE', KEYS[3], now - day, '+inf', 'WITHSCORES')
for i = 1, #events, 2 do
  local member = events[i]
  local name = string.sub(member, 1, string.find(member, ':', 1, true) - 1)
  local counts = actionCounts[name]
  if not counts then
    counts = { 0, 0 }
    actionCounts[name] = counts
    actionOrder[#actionOrder + 1] = name
  end
  counts[2] = counts[2] + 1
  if tonumber(events[i + 1]) >= now - hour then counts[1] = counts[1] + 1 end
end
local customerActions = {}
for _, name in ipairs(actionOrder) do
  customerActions[#customerActions + 1] = name
  customerActions[#customerActions + 1] = tostring(actionCounts[name][1])
  customerActions[#customerActions + 1] = tostring(actionCounts[name][2])
end
local storeHash = redis.call('HGETALL', KEYS[4])
local eventBucket = tonumber(bucket)
local storeFields = { orders = '', valueSum = '', valueSumSquares = '' }
local below, same, counted = 0, 0, 0
for i = 1, #storeHash, 2 do
  local field = storeHash[i]
  if string.sub(field, 1, 1) == 'h' then
    local b = tonumber(string.sub(field, 2))
    local c = tonumber(storeHash[i + 1])
    if b and c then
      counted = counted + c
      if b < eventBucket then below = below + c elseif b == eventBucket then same = same + c end
    end
  else
    storeFields[field] = storeHash[i + 1]
  end
end
local store = { storeFields.orders, storeFields.valueSum, storeFields.valueSumSquares, tostring(below), tostring(same), tostring(counted) }
local storeWindows = {
  tostring(redis.call('ZCOUNT', KEYS[5], now - hour, '+inf')),
  tostring(redis.call('ZCOUNT', KEYS[5], now - day, '+inf')),
  tostring(redis.call('ZCOUNT', KEYS[6], now - day, '+inf')),
}

if record and redis.call('SET', KEYS[1], '1', 'NX', 'PX', retention) then
  local oldest = '(' .. tostring(now - retention)
  local oldestDay = '(' .. tostring(now - day)
  for i = 0, n - 1 do
    local acc, created, q, ev, h = KEYS[7 + i * 5], KEYS[8 + i * 5], KEYS[9 + i * 5], KEYS[10 + i * 5], KEYS[11 + i * 5]
    redis.call('ZADD', acc, 'GT', now, cust)
    redis.call('ZADD', created, createdAt, cust)
    if quick then redis.call('ZADD', q, 'GT', now, cust) end
    redis.call('ZADD', ev, now, eventId)
    local old = redis.call('ZRANGEBYSCORE', acc, '-inf', oldest)
    if #old > 0 then
      redis.call('ZREM', acc, unpack(old))
      redis.call('ZREM', created, unpack(old))
    end
    redis.call('ZREMRANGEBYSCORE', q, '-inf', oldest)
    redis.call('ZREMRANGEBYSCORE', ev, '-inf', oldestDay)
    redis.call('PEXPIRE', acc, retention)
    redis.call('PEXPIRE', created, retention)
    -- PEXPIRE leaves a missing key missing (the quick-buyers set and the chargeback hash exist only once used).
    redis.call('PEXPIRE', q, retention)
    redis.call('PEXPIRE', ev, day)
    redis.call('PEXPIRE', h, retention)
  end
  redis.call('ZADD', KEYS[3], now, action .. ':' .. eventId)
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', oldestDay)
  redis.call('PEXPIRE', KEYS[3], day)
  local lastAt = redis.call('HGET', KEYS[2], 'lastAt')
  if not lastAt or tonumber(lastAt) < now then redis.call('HSET', KEYS[2], 'lastAt', ARGV[1]) end
  if action == 'package_not_received' then redis.call('HINCRBY', KEYS[2], 'notReceived', 1) end
  if action == 'order' and value ~= '' then
    local v = tonumber(value)
    redis.call('HINCRBY', KEYS[2], 'orders', 1)
    redis.call('HINCRBYFLOAT', KEYS[2], 'valueSum', value)
    redis.call('HINCRBYFLOAT', KEYS[2], 'valueSumSquares', string.format('%.17g', v * v))
    local max = redis.call('HGET', KEYS[2], 'maxValue')
    if not max or tonumber(max) < v then redis.call('HSET', KEYS[2], 'maxValue', value) end
    redis.call('HINCRBY', KEYS[4], 'orders', 1)
    redis.call('HINCRBYFLOAT', KEYS[4], 'valueSum', value)
    redis.call('HINCRBYFLOAT', KEYS[4], 'valueSumSquares', string.format('%.17g', v * v))
    redis.call('HINCRBY', KEYS[4], 'h' .. bucket, 1)
    redis.call('ZADD', KEYS[5], now, eventId)
    redis.call('ZREMRANGEBYSCORE', KEYS[5], '-inf', oldestDay)
    redis.call('PEXPIRE', KEYS[5], day)
    if quick then
      redis.call('ZADD', KEYS[6], now, eventId)
      redis.call('ZREMRANGEBYSCORE', KEYS[6], '-inf', oldestDay)
      redis.call('PEXPIRE', KEYS[6], day)
    end
  end
  redis.call('PEXPIRE', KEYS[2], retention)
end

return { entities, customer, customerActions, store, storeWindows }
`;

/**
 * Adds a chargeback once per id. KEYS[1] seen marker of the chargeback id, KEYS[2] customer hash, then the entities'
 * chargeback hashes. ARGV: retentionMs. Returns 1 when counted, 0 when the id was counted before.
 */
export const REDIS_CHARGEBACK_SCRIPT = `
local retention = tonumber(ARGV[1])
if not redis.call('SET', KEYS[1], '1', 'NX', 'PX', retention) then return 0 end
for i = 2, #KEYS do
  redis.call('HINCRBY', KEYS[i], 'chargebacks', 1)
  redis.call('PEXPIRE', KEYS[i], retention)
end
return 1
`;
