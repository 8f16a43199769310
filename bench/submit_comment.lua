-- wrk script for bench/ingest.py: one comment submission per request.
--
--   wrk -t2 -c64 -d20s --latency -s bench/submit_comment.lua http://127.0.0.1:18000/graphql -- \
--       <mode> <tokens file|-> <consultation id> <article ids, comma-separated> <run nonce> \
--       <receipts prefix|-> <threads>
--
-- mode "graphql": the submitComment mutation as a bearer-token citizen, rotating over the tokens
--   (one per line), a unique idempotencyKey per request, about half the requests on an article.
-- mode "bare": the same body posted as plain JSON to the baseline route (bench/baseline_app.py).
--
-- response() counts HTTP statuses other than 200 and 200 answers whose body carries "errors";
-- done() prints one line "BENCH_RESULT {json}" that ingest.py parses. With a receipts prefix, each
-- thread writes the receipt codes it got back to <prefix>-<thread>.txt (ingest.py checks that each
-- one is stored exactly once).

local threads = {}
local thread_count = 0

function setup(thread)
    thread:set("tid", thread_count)
    thread_count = thread_count + 1
    table.insert(threads, thread)
end

-- Sentences a resident might write about a rural homestead regulation; combined per request.
local openings = {
    "我是本市农村村民，对这部办法总体上表示支持，",
    "认真阅读了征求意见稿，提几点个人看法：",
    "作为在外务工多年的农村户口居民，",
    "我们村里不少家庭情况比较特殊，",
    "建议起草部门再充分听取基层群众的意见，",
    "本人在乡镇从事土地管理工作，",
}
local middles = {
    "对于因子女结婚确需分户的，希望明确分户的认定标准和需要提交的材料，避免各村执行口径不一。",
    "宅基地面积标准应当考虑家庭人口数量，人口多的家庭适当放宽，并公布具体的计算方法。",
    "因自然灾害需要搬迁的，建议开辟绿色通道，缩短审批时限，并由政府提供过渡期安置。",
    "一户一宅的规定很有必要，但对历史遗留的一户多宅问题，应当给出合理的过渡办法和补偿标准。",
    "审批流程应当在网上公开办理进度，申请人可以随时查询，减少来回跑腿。",
    "建议增加对闲置宅基地盘活利用的规定，允许在自愿有偿的前提下依法流转。",
    "进城落户的农民原有宅基地如何处理，希望办法中写清楚，保障其合法权益。",
    "村民小组讨论和公示的环节要落到实处，公示期限不少于七日，接受群众监督。",
}
local closings = {
    "以上意见，供参考。",
    "希望能够采纳，谢谢！",
    "盼复。",
    "恳请认真研究。",
    "",
}

local mode, consultation, articles, nonce, receipts = "graphql", "1", {}, "0", nil
local tokens = {}
local tid, nthreads, counter = 0, 1, 0

local mutation = "mutation($id: ID!, $body: String!, $article: ID, $key: String) { "
    .. "submitComment(consultationId: $id, body: $body, articleId: $article, idempotencyKey: $key) "
    .. "{ receiptCode submittedAt duplicate } }"

function init(args)
    -- args[0] is the URL; ours follow "--".
    mode = args[1] or "graphql"
    local tokens_file = args[2] or "-"
    consultation = args[3] or "1"
    for id in string.gmatch(args[4] or "", "[^,]+") do table.insert(articles, id) end
    nonce = args[5] or tostring(os.time())
    local receipts_prefix = args[6] or "-"
    nthreads = tonumber(args[7] or "1")
    tid = tonumber(wrk.thread:get("tid")) or 0
    if tokens_file ~= "-" then
        for line in io.lines(tokens_file) do
            if #line > 0 then table.insert(tokens, line) end
        end
    end
    if receipts_prefix ~= "-" then
        receipts = io.open(receipts_prefix .. "-" .. tid .. ".txt", "w")
        receipts:setvbuf("line")
    end
    ok, non200, gql_errors, duplicates, rate_limited = 0, 0, 0, 0, 0
    first_error = ""
end

local function comment_body(n)
    local a = openings[n % #openings + 1]
    local b = middles[(n * 7 + tid) % #middles + 1]
    local c = middles[(n * 3 + 1) % #middles + 1]
    local d = closings[n % #closings + 1]
    return string.format("%s%s%s（意见编号 %d-%d）%s", a, b, c, tid, n, d)
end

function request()
    counter = counter + 1
    local body_text = comment_body(counter)
    local article = "null"
    if #articles > 0 and counter % 2 == 0 then
        article = '"' .. articles[math.floor(counter / 2) % #articles + 1] .. '"'
    end
    if mode == "bare" then
        local payload = string.format('{"consultation_id":%s,"body":"%s","article_id":%s}',
            consultation, body_text, article)
        return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, payload)
    end
    -- Round-robin over the citizens, interleaved across threads so every token is used equally.
    local token = tokens[((counter - 1) * nthreads + tid) % #tokens + 1]
    local key = string.format("bench-%s-%d-%d", nonce, tid, counter)
    local payload = string.format(
        '{"query":"%s","variables":{"id":"%s","body":"%s","article":%s,"key":"%s"}}',
        mutation, consultation, body_text, article, key)
    return wrk.format("POST", nil, {
        ["Content-Type"] = "application/json",
        ["Authorization"] = "Bearer " .. token,
    }, payload)
end

function response(status, headers, body)
    if status ~= 200 then
        non200 = non200 + 1
        if first_error == "" then first_error = "HTTP " .. status .. ": " .. string.sub(body or "", 1, 300) end
        return
    end
    if string.find(body, '"errors"', 1, true) then
        gql_errors = gql_errors + 1
        if string.find(body, "RATE_LIMITED", 1, true) then rate_limited = rate_limited + 1 end
        if first_error == "" then first_error = string.sub(body, 1, 300) end
        return
    end
    ok = ok + 1
    if mode == "graphql" then
        if string.find(body, '"duplicate":true', 1, true) then duplicates = duplicates + 1 end
        if receipts then
            local code = string.match(body, '"receiptCode":"([%w%-]+)"')
            if code then receipts:write(code, "\n") end
        end
    end
end

local function json_string(s)
    s = string.gsub(s, '[%c"\\]', function(c) return string.format("\\u%04x", string.byte(c)) end)
    return '"' .. s .. '"'
end

function done(summary, latency, requests)
    local totals = {ok = 0, non200 = 0, gql_errors = 0, duplicates = 0, rate_limited = 0}
    local first = ""
    for _, thread in ipairs(threads) do
        for name, _ in pairs(totals) do
            totals[name] = totals[name] + (tonumber(thread:get(name)) or 0)
        end
        if first == "" then first = thread:get("first_error") or "" end
    end
    local e = summary.errors
    io.write(string.format(
        'BENCH_RESULT {"requests":%d,"duration_us":%d,"bytes":%d,'
        .. '"ok":%d,"non200":%d,"graphql_errors":%d,"duplicates":%d,"rate_limited":%d,'
        .. '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},"status_errors":%d,'
        .. '"latency_us":{"mean":%.1f,"stdev":%.1f,"max":%d,"p50":%d,"p75":%d,"p90":%d,"p99":%d,"p999":%d},'
        .. '"first_error":%s}\n',
        summary.requests, summary.duration, summary.bytes,
        totals.ok, totals.non200, totals.gql_errors, totals.duplicates, totals.rate_limited,
        e.connect, e.read, e.write, e.timeout, e.status,
        latency.mean, latency.stdev, latency.max,
        latency:percentile(50), latency:percentile(75), latency:percentile(90),
        latency:percentile(99), latency:percentile(99.9),
        json_string(first)))
end
