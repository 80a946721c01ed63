using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

// Creates perimeters with one profile and many access rules each through the ARM API, then reads every rule back,
// and reports requests per second and latency percentiles for PUT and GET.
// Usage: NspPortal.ArmLoad --base-url http://127.0.0.1:5080 --token T --subscription S [--perimeters 100] [--rules 200]
//        [--concurrency 8] [--label SQLite]
var options = Options.Parse(args);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
using var client = new HttpClient(handler) { BaseAddress = new Uri(options.BaseUrl), Timeout = TimeSpan.FromMinutes(2) };
client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
const string Version = "api-version=2025-05-01";
var puts = new List<double>();
var gets = new List<double>();
var failures = 0;
var group = $"/subscriptions/{options.Subscription}/resourcegroups/rg-armload-{DateTime.UtcNow:HHmmss}";
await Send(HttpMethod.Put, $"{group}?api-version=2021-04-01", """{"location":"westus2"}""", null);
var prefix = group.Replace("resourcegroups", "resourceGroups", StringComparison.Ordinal) + "/providers/Microsoft.Network/networkSecurityPerimeters";

var putClock = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, options.Perimeters), new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (p, _) =>
{
    var nsp = $"{prefix}/nsp-load-{p:D3}";
    await Send(HttpMethod.Put, $"{nsp}?{Version}", """{"location":"westus2","tags":{"bench":"arm-load"}}""", puts);
    await Send(HttpMethod.Put, $"{nsp}/profiles/defaultProfile?{Version}", """{"properties":{}}""", puts);
    for (var r = 0; r < options.Rules; r++)
    {
        await Send(HttpMethod.Put, $"{nsp}/profiles/defaultProfile/accessRules/rule-{r:D3}?{Version}",
            $$$"""{"properties":{"direction":"Inbound","addressPrefixes":["10.{{{p % 250}}}.{{{r % 250}}}.0/24"]}}""", puts);
    }
});
putClock.Stop();

var getClock = Stopwatch.StartNew();
var reads = Enumerable.Range(0, options.Perimeters).SelectMany(p => Enumerable.Range(-1, options.Rules + 1).Select(r => (p, r)));
await Parallel.ForEachAsync(reads, new ParallelOptions { MaxDegreeOfParallelism = options.Concurrency }, async (item, _) =>
{
    var nsp = $"{prefix}/nsp-load-{item.p:D3}";
    var path = item.r < 0 ? $"{nsp}?{Version}" : $"{nsp}/profiles/defaultProfile/accessRules/rule-{item.r:D3}?{Version}";
    await Send(HttpMethod.Get, path, null, gets);
});
getClock.Stop();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Label}: PUT {puts.Count} requests in {putClock.Elapsed.TotalSeconds:F1} s = {puts.Count / putClock.Elapsed.TotalSeconds:F0} req/s, " +
    $"p50 {Percentile(puts, 50):F1} ms, p95 {Percentile(puts, 95):F1} ms, p99 {Percentile(puts, 99):F1} ms; " +
    $"GET {gets.Count} requests in {getClock.Elapsed.TotalSeconds:F1} s = {gets.Count / getClock.Elapsed.TotalSeconds:F0} req/s, " +
    $"p50 {Percentile(gets, 50):F1} ms, p95 {Percentile(gets, 95):F1} ms, p99 {Percentile(gets, 99):F1} ms; failures {failures}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"| {options.Label} | {puts.Count} | {puts.Count / putClock.Elapsed.TotalSeconds:F0} | {Percentile(puts, 50):F1} | {Percentile(puts, 95):F1} | {gets.Count} | {gets.Count / getClock.Elapsed.TotalSeconds:F0} | {Percentile(gets, 50):F1} | {Percentile(gets, 95):F1} | {failures} |"));
return failures == 0 ? 0 : 1;

async Task Send(HttpMethod method, string path, string? body, List<double>? latencies)
{
    using var request = new HttpRequestMessage(method, path);
    if (body is not null)
    {
        request.Content = new StringContent(body, Encoding.UTF8, "application/json");
    }

    var clock = Stopwatch.StartNew();
    using var response = await client.SendAsync(request);
    await response.Content.ReadAsByteArrayAsync();
    clock.Stop();
    if (!response.IsSuccessStatusCode)
    {
        Interlocked.Increment(ref failures);
        Console.Error.WriteLine($"{method} {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    if (latencies is not null)
    {
        lock (latencies)
        {
            latencies.Add(clock.Elapsed.TotalMilliseconds);
        }
    }
}

static double Percentile(List<double> values, int percentile)
{
    if (values.Count == 0)
    {
        return 0;
    }

    var sorted = values.Order().ToList();
    return sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}

internal sealed record Options(string BaseUrl, string Token, Guid Subscription, int Perimeters, int Rules, int Concurrency, string Label)
{
    public static Options Parse(string[] args)
    {
        string Value(string name, string? fallback = null)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback ?? throw new ArgumentException($"{name} is required.");
        }

        return new Options(Value("--base-url"), Value("--token"), Guid.Parse(Value("--subscription")),
            int.Parse(Value("--perimeters", "100"), CultureInfo.InvariantCulture), int.Parse(Value("--rules", "200"), CultureInfo.InvariantCulture),
            int.Parse(Value("--concurrency", "8"), CultureInfo.InvariantCulture), Value("--label", "portal"));
    }
}
