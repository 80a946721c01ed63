using System.Buffers.Binary;
using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using NspPortal.Data;
using NspPortal.Data.Representation;
using NspPortal.Data.Seeding;
using NspPortal.Data.Traffic;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Logs;
using NspPortal.Engine.Transition;

namespace NspPortal.Benchmarks.Traffic;

/// <summary>Times the transition view's queries over a large traffic store (issue 7: chart and top sources over 10 million
/// rows in ≤ 200 ms; replay of 1 million logged rows in ≤ 3 s). Usage:
/// <c>-- traffic [--rows N] [--postgres "Host=…"] [--keep path.db]</c>. Fills a fresh database (the demo tenant plus N rows
/// over 30 days for nsp-contoso-prod, with their rollups, as the importer stores them), then runs each query several
/// times and prints min and median. Not BenchmarkDotNet: one fill takes minutes, and the queries run against it warm.</summary>
public static class TrafficStoreBench
{
    private static readonly (NspLogCategory Category, double Share)[] Mix =
    [
        (NspLogCategory.NspPublicInboundPerimeterRulesAllowed, 0.70),
        (NspLogCategory.NspIntraPerimeterInboundAllowed, 0.10),
        (NspLogCategory.NspPrivateInboundAllowed, 0.08),
        (NspLogCategory.NspPublicOutboundPerimeterRulesAllowed, 0.06),
        (NspLogCategory.NspPublicInboundPerimeterRulesDenied, 0.045),
        (NspLogCategory.NspPublicInboundResourceRulesAllowed, 0.01),
        (NspLogCategory.NspPublicOutboundResourceRulesAllowed, 0.005),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = int.Parse(Option(args, "--rows") ?? "10000000", CultureInfo.InvariantCulture);
        var postgres = Option(args, "--postgres");
        var path = Option(args, "--keep") ?? Path.Combine(Path.GetTempPath(), $"nsp-traffic-bench-{Guid.NewGuid():N}.db");
        DatabaseSettings settings;
        if (postgres is null)
        {
            settings = DatabaseSettings.ForSqliteFile(path);
        }
        else
        {
            var database = $"nsp_bench_{Guid.NewGuid():N}";
            await using (var admin = new NpgsqlConnection(postgres))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await create.ExecuteNonQueryAsync();
            }

            settings = new DatabaseSettings(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ConnectionString, null);
        }

        var builder = new DbContextOptionsBuilder<NspDbContext>();
        builder.UseNspDatabase(settings);
        var options = builder.Options;
        await using (var db = new NspDbContext(options))
        {
            await NspDatabase.MigrateAsync(db, settings);
            await DemoTenant.SeedAsync(db);
        }

        var now = DateTime.UtcNow;
        Guid perimeterId;
        await using (var db = new NspDbContext(options))
        {
            var perimeter = await db.Perimeters.AsNoTracking().Include(p => p.Associations).ThenInclude(a => a.PaasResource!).ThenInclude(r => r.ResourceGroup)
                .Include(p => p.ResourceGroup).SingleAsync(p => p.Name == "nsp-contoso-prod");
            perimeterId = perimeter.Id;
            var fill = Stopwatch.StartNew();
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                await FillPostgresAsync(settings.ConnectionString, perimeter, rows, now);
            }
            else
            {
                await FillSqliteAsync(settings.ConnectionString, perimeter, rows, now);
            }

            Console.WriteLine($"filled {rows:N0} rows in {fill.Elapsed.TotalSeconds:F1} s ({rows / fill.Elapsed.TotalSeconds:N0} rows/s) on {settings.Provider}");
            var stored = await db.TrafficLogs.CountAsync(l => l.PerimeterId == perimeterId);
            var rolled = await db.TrafficRollups.Where(r => r.PerimeterId == perimeterId && r.Granularity == RollupGranularity.Day).SumAsync(r => r.Rows);
            if (stored != rows || rolled != rows)
            {
                Console.Error.WriteLine($"check failed: {stored} rows stored, {rolled} in the daily rollups, {rows} written");
                return 1;
            }
        }

        var clock = new FixedClock(now);
        await TimeAsync("transition chart, perimeter, 14 days (daily rollups)", 20, options, clock, (insights, _) =>
            insights.ChartAsync(TrafficWindow.LastDays(perimeterId, null, 14, now)).ContinueWith(t => t.Result.Total, TaskScheduler.Default));
        await TimeAsync("transition chart, perimeter, 24 hours (hourly rollups)", 20, options, clock, (insights, _) =>
            insights.ChartAsync(TrafficWindow.LastDays(perimeterId, null, 1, now)).ContinueWith(t => t.Result.Total, TaskScheduler.Default));
        await TimeAsync("readiness, perimeter, 90 days (daily rollups)", 20, options, clock, (insights, _) =>
            insights.ReadinessAsync(TrafficWindow.LastDays(perimeterId, null, 90, now)).ContinueWith(t => (long)t.Result.CleanDays, TaskScheduler.Default));
        await TimeAsync("top sources, perimeter, 7 days (would-be-denied rows)", 10, options, clock, (insights, _) =>
            insights.TopSourcesAsync(TrafficWindow.LastDays(perimeterId, null, 7, now)).ContinueWith(t => t.Result.Networks.Sum(n => n.Connections), TaskScheduler.Default));
        await TimeAsync("logs blade, first page of 50, 7 days", 20, options, clock, async (_, db) =>
            (await new TrafficLogSearch(db).PageAsync(new LogFilter(perimeterId, now.AddDays(-7), now), null)).Rows.Count);
        await TimeAsync("logs blade, source prefix 198.51.100.0/24, 7 days", 10, options, clock, async (_, db) =>
            (await new TrafficLogSearch(db).PageAsync(new LogFilter(perimeterId, now.AddDays(-7), now) { Source = Engine.Values.IpPrefix.Parse("198.51.100.0/24") }, null)).Rows.Count);

        // Replay: ≈ 1 million rows (the last 3 days of 10 million over 30) loaded from the store and replayed against the
        // live configuration and a draft with every Learning association Enforced.
        var days = Math.Max(1, (int)Math.Round(30.0 * 1_000_000 / rows));
        await TimeAsync($"what-if replay, perimeter, {days} days (load rows + replay)", 3, options, clock, async (insights, db) =>
        {
            var live = await LiveConfiguration.LoadAsync(db);
            var perimeter = await db.Perimeters.AsNoTracking().Include(p => p.ResourceGroup).Include(p => p.Associations).SingleAsync(p => p.Id == perimeterId);
            var id = Engine.Values.ArmResourceId.Parse(ResourceIds.Of(perimeter));
            var profile = live.Perimeters.Single(p => p.Id.Equals(id)).Profiles.Single(p => p.Name == "defaultProfile");
            var draft = Engine.Transition.ProfileDraft.FromProfile(profile).Add(new Suggestion(SuggestionKind.AddressPrefix, "198.51.100.0/24", 0, 0), out _);
            var after = ConfigurationEdits.WithAccessMode(ConfigurationEdits.WithDraft(live, id, draft), id, _ => true, Engine.Model.AccessMode.Enforced);
            var load = Stopwatch.StartNew();
            var replayRows = await insights.LoadRowsAsync(TrafficWindow.LastDays(perimeterId, null, days, now), wouldBeDeniedOnly: false);
            var loaded = load.Elapsed;
            var replay = Stopwatch.StartNew();
            var result = Replay.WhatIf(DecisionIndex.Build(live), DecisionIndex.Build(after), replayRows);
            Console.WriteLine($"    {replayRows.Count:N0} rows: load {loaded.TotalMilliseconds:N0} ms, replay {replay.Elapsed.TotalMilliseconds:N0} ms; newly denied {result.NewlyDeniedConnections:N0}");
            return result.Rows;
        });

        if (postgres is null && Option(args, "--keep") is null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }

        return 0;
    }

    private static async Task TimeAsync(string name, int runs, DbContextOptions<NspDbContext> options, TimeProvider clock,
        Func<TrafficInsights, NspDbContext, Task<long>> query)
    {
        var times = new List<double>();
        long answer = 0;
        for (var i = 0; i < runs + 1; i++)
        {
            await using var db = new NspDbContext(options);
            var insights = new TrafficInsights(db, clock);
            var watch = Stopwatch.StartNew();
            answer = await query(insights, db);
            if (i > 0)
            {
                times.Add(watch.Elapsed.TotalMilliseconds); // the first run warms caches and EF's query compilation
            }
        }

        times.Sort();
        Console.WriteLine($"{name}: min {times[0]:N1} ms, median {times[times.Count / 2]:N1} ms (answer {answer:N0}, {runs} runs)");
    }

    private sealed record Generated(Guid AssociationId, Guid SubscriptionId, string Resource, string Profile, DateTime Time, NspLogCategory Category,
        string? SourceIp, string? SourceResource, string? Fqdn, string? Parameters, long Sequence);

    private static IEnumerable<Generated> Generate(Data.Entities.PerimeterEntity perimeter, int rows, DateTime now)
    {
        var random = new Random(42);
        var associations = perimeter.Associations.OrderBy(a => a.Name, StringComparer.Ordinal).ToArray();
        var start = now.AddDays(-30);
        var step = TimeSpan.FromDays(30).Ticks / rows;
        var cumulative = Mix.Select((m, i) => (m.Category, Share: Mix.Take(i + 1).Sum(x => x.Share))).ToArray();
        for (var i = 0; i < rows; i++)
        {
            var association = associations[random.Next(associations.Length)];
            var resource = association.PaasResource!;
            var draw = random.NextDouble();
            var category = cumulative.FirstOrDefault(c => draw < c.Share).Category;
            string? ip = null, source = null, fqdn = null, parameters = null;
            switch (category)
            {
                case NspLogCategory.NspPublicInboundPerimeterRulesAllowed:
                    ip = $"203.0.113.{random.Next(1, 255)}";
                    break;
                case NspLogCategory.NspIntraPerimeterInboundAllowed:
                    source = ResourceIds.Of(associations[random.Next(associations.Length)].PaasResource!);
                    break;
                case NspLogCategory.NspPrivateInboundAllowed:
                    ip = $"10.1.{random.Next(0, 255)}.{random.Next(1, 255)}";
                    break;
                case NspLogCategory.NspPublicOutboundPerimeterRulesAllowed:
                    fqdn = "api.partner.contoso.com";
                    break;
                case NspLogCategory.NspPublicOutboundResourceRulesAllowed:
                    fqdn = $"api{random.Next(50)}.vendor.example";
                    break;
                case NspLogCategory.NspPublicInboundResourceRulesAllowed:
                    ip = random.Next(4) == 0 ? $"198.51.100.{random.Next(1, 255)}" : $"{random.Next(20, 200)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
                    parameters = random.Next(5) == 0 ? "auth: SAS" : null;
                    break;
                default:
                    ip = $"{random.Next(20, 200)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}";
                    break;
            }

            yield return new Generated(association.Id, resource.ResourceGroup!.SubscriptionId, ResourceIds.Of(resource), "defaultProfile",
                new DateTime(start.Ticks + (i * step), DateTimeKind.Utc), category, ip, source, fqdn, parameters, i);
        }
    }

    private const string Columns = "PerimeterId, AssociationId, SubscriptionId, RowHash, TimeGenerated, Count, Category, Location, OperationName, Profile, " +
        "MatchedRule, RuleType, ResultAction, ResultDirection, TrafficType, ServiceResourceId, ServiceResourceIdKey, SourceIpAddress, SourceIpKey, " +
        "SourceResourceId, SourceParameters, DestinationFqdn";

    private static object?[] Values(Guid perimeterId, Generated g)
    {
        var hash = new byte[16];
        BinaryPrimitives.WriteInt64BigEndian(hash, g.Sequence); // ascending, so the unique index is appended to
        return
        [
            perimeterId, g.AssociationId, g.SubscriptionId, hash, g.Time, 1, g.Category.ToString(), "eastus2", "GetBlob", g.Profile,
            LogCategories.IsResourceRules(g.Category) ? "IP firewall" : "allow-corp-network", LogCategories.RuleType(g.Category), LogCategories.Action(g.Category),
            LogCategories.Direction(g.Category), LogCategories.TrafficType(g.Category).ToString(), g.Resource, g.Resource.ToUpperInvariant(), g.SourceIp,
            SourceAddressKey.Of(g.SourceIp), g.SourceResource, g.Parameters, g.Fqdn,
        ];
    }

    private static async Task FillSqliteAsync(string connectionString, Data.Entities.PerimeterEntity perimeter, int rows, DateTime now)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var command = connection.CreateCommand();
        var names = Columns.Split(", ");
        command.CommandText = $"INSERT INTO TrafficLogs ({Columns}) VALUES ({string.Join(", ", names.Select((_, i) => $"$p{i}"))})";
        var parameters = names.Select((_, i) => command.CreateParameter()).ToArray();
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].ParameterName = $"$p{i}";
            command.Parameters.Add(parameters[i]);
        }

        var rollups = new Rollups();
        foreach (var g in Generate(perimeter, rows, now))
        {
            var values = Values(perimeter.Id, g);
            for (var i = 0; i < values.Length; i++)
            {
                // EF Core stores Guids as upper-case text and DateTimes as "yyyy-MM-dd HH:mm:ss.FFFFFFF" on SQLite.
                parameters[i].Value = values[i] switch
                {
                    Guid guid => guid.ToString().ToUpperInvariant(),
                    DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
                    null => DBNull.Value,
                    var v => v,
                };
            }

            await command.ExecuteNonQueryAsync();
            rollups.Add(g);
        }

        await rollups.WriteAsync(connection, transaction, perimeter.Id, sqlite: true);
        await transaction.CommitAsync();
    }

    private static async Task FillPostgresAsync(string connectionString, Data.Entities.PerimeterEntity perimeter, int rows, DateTime now)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var rollups = new Rollups();
        var quoted = string.Join(", ", Columns.Split(", ").Select(c => $"\"{c}\""));
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY \"TrafficLogs\" ({quoted}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var g in Generate(perimeter, rows, now))
            {
                await writer.StartRowAsync();
                foreach (var value in Values(perimeter.Id, g))
                {
                    switch (value)
                    {
                        case null: await writer.WriteNullAsync(); break;
                        case Guid guid: await writer.WriteAsync(guid, NpgsqlDbType.Uuid); break;
                        case DateTime time: await writer.WriteAsync(time, NpgsqlDbType.TimestampTz); break;
                        case byte[] bytes: await writer.WriteAsync(bytes, NpgsqlDbType.Bytea); break;
                        case int number: await writer.WriteAsync(number, NpgsqlDbType.Integer); break;
                        case string text: await writer.WriteAsync(text, NpgsqlDbType.Text); break;
                    }
                }

                rollups.Add(g);
            }

            await writer.CompleteAsync();
        }

        await rollups.WriteAsync(connection, transaction, perimeter.Id, sqlite: false);
        await transaction.CommitAsync();
        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }

    /// <summary>Hourly and daily counts per association and category, as the importer keeps them.</summary>
    private sealed class Rollups
    {
        private readonly Dictionary<(Guid, NspLogCategory, RollupGranularity, DateTime), long> counts = [];

        public void Add(Generated g)
        {
            foreach (var granularity in new[] { RollupGranularity.Hour, RollupGranularity.Day })
            {
                var key = (g.AssociationId, g.Category, granularity, TrafficInsights.Truncate(g.Time, granularity));
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        public async Task WriteAsync(DbConnection connection, DbTransaction transaction, Guid perimeterId, bool sqlite)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sqlite
                ? "INSERT INTO TrafficRollups (PerimeterId, AssociationId, Category, Granularity, BucketStart, Rows, Events) VALUES ($a, $b, $c, $d, $e, $f, $f)"
                : "INSERT INTO \"TrafficRollups\" (\"PerimeterId\", \"AssociationId\", \"Category\", \"Granularity\", \"BucketStart\", \"Rows\", \"Events\") VALUES (@a, @b, @c, @d, @e, @f, @f)";
            var prefix = sqlite ? "$" : "@";
            var p = "abcdef".Select(n => { var x = command.CreateParameter(); x.ParameterName = prefix + n; command.Parameters.Add(x); return x; }).ToArray();
            foreach (var ((association, category, granularity, bucket), count) in counts)
            {
                p[0].Value = sqlite ? perimeterId.ToString().ToUpperInvariant() : perimeterId;
                p[1].Value = sqlite ? association.ToString().ToUpperInvariant() : association;
                p[2].Value = category.ToString();
                p[3].Value = granularity.ToString();
                p[4].Value = sqlite ? bucket.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) : bucket;
                p[5].Value = count;
                await command.ExecuteNonQueryAsync();
            }
        }
    }

    private sealed class FixedClock(DateTime now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(now, TimeSpan.Zero);
    }

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }
}
