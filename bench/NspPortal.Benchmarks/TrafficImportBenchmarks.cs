using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Seeding;
using NspPortal.Data.Traffic.Import;
using NspPortal.Engine.Logs;

namespace NspPortal.Benchmarks;

/// <summary>Importing NSP access logs (issue 7 §9: ≥ 100,000 rows/s on SQLite and PostgreSQL): a file of raw
/// resource-log records (JSON lines, §3.2, about 520 bytes a record) into a fresh, migrated database holding the demo
/// configuration, in one transaction with rollups — and reading the same file without storing it, to separate parsing
/// from storage. PostgreSQL runs when <c>NSPPORTAL_BENCH_POSTGRES</c> names a server (a connection string without a
/// database). Quick figures without BenchmarkDotNet: <c>dotnet run -c Release -- traffic-import [rows]</c>.</summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TrafficImportBenchmarks
{
    public const int DefaultRows = 200_000;

    private byte[] _file = [];
    private BenchDatabase? _database;

    [ParamsSource(nameof(Providers))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> Providers() =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("NSPPORTAL_BENCH_POSTGRES")) ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    [GlobalSetup]
    public void Setup() => _file = LogFile(DefaultRows);

    [IterationSetup]
    public void CreateDatabase() => _database = BenchDatabase.CreateAsync(Provider).GetAwaiter().GetResult();

    [IterationCleanup]
    public void DropDatabase() => _database?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(OperationsPerInvoke = DefaultRows)]
    public async Task<long> Import()
    {
        await using var db = _database!.CreateContext();
        var result = await new TrafficLogImporter(db).ImportAsync(new MemoryStream(_file), new TrafficImportOptions { FileName = "bench.json" });
        return result.Imported;
    }

    [Benchmark(OperationsPerInvoke = DefaultRows)]
    public long ParseOnly() => AccessLogReader.Open(new MemoryStream(_file)).Read().LongCount(l => l.IsValid);

    /// <summary>Distinct records for the demo tenant's resources, as Azure writes them to a storage account.</summary>
    public static byte[] LogFile(int rows)
    {
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var services = new[]
        {
            "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/stcontosoorders",
            "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg-prod-data/providers/Microsoft.KeyVault/vaults/kv-contoso-prod",
            "/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg-prod-data/providers/Microsoft.EventHub/namespaces/evhns-contoso-telemetry",
        };
        string[] categories = ["NspPublicInboundPerimeterRulesAllowed", "NspPublicInboundResourceRulesAllowed", "NspPrivateInboundAllowed", "NspPublicInboundResourceRulesDenied"];
        var text = new StringBuilder(rows * 560);
        for (var i = 0; i < rows; i++)
        {
            text.Append("{\"time\":\"").Append(start.AddMilliseconds(i * 37L).ToString("O", CultureInfo.InvariantCulture))
                .Append("\",\"count\":").Append(i % 9 + 1)
                .Append(",\"resourceId\":\"/SUBSCRIPTIONS/8F2B1C4E-5D6A-4B7C-9E0F-1A2B3C4D5E6F/RESOURCEGROUPS/RG-PROD-NETWORK/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYPERIMETERS/NSP-CONTOSO-PROD\",\"location\":\"eastus2\",\"operationName\":\"GetBlob\",\"operationVersion\":\"2023-11-03\",\"category\":\"")
                .Append(categories[i % categories.Length]).Append("\",\"resultDescription\":\"Get blob.\",\"properties\":{\"serviceResourceId\":\"").Append(services[i % services.Length])
                .Append("\",\"serviceFqdn\":\"stcontosoorders.blob.core.windows.net\",\"profile\":\"defaultProfile\",\"accessRulesVersion\":\"3\",\"matchedRule\":{\"accessRule\":\"allow-corp-network\"},\"source\":{\"ipAddress\":\"203.0.")
                .Append(i / 250 % 250).Append('.').Append(i % 250).Append("\",\"port\":\"").Append(1024 + (i % 60000)).Append("\",\"protocol\":\"HTTPS:TCP\"}}}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary><c>traffic-import [rows]</c>: one timed import per provider, printed as rows per second.</summary>
    public static async Task<int> QuickAsync(int rows)
    {
        var file = LogFile(rows);
        Console.WriteLine($"{rows:N0} records, {file.Length / 1024.0 / 1024:0.0} MB (JSON lines, §3.2)");
        var process = Process.GetCurrentProcess();
        var parse = Stopwatch.StartNew();
        var cpu = process.TotalProcessorTime;
        var records = AccessLogReader.Open(new MemoryStream(file)).Read().Select(l => l.Record!).ToList();
        parse.Stop();
        process.Refresh();
        var parseCpu = process.TotalProcessorTime - cpu;
        Console.WriteLine($"parse only: {records.Count / parse.Elapsed.TotalSeconds:N0} rows/s wall, {records.Count / parseCpu.TotalSeconds:N0} rows per CPU-second");
        var hashing = Stopwatch.StartNew();
        foreach (var record in records)
        {
            _ = AccessLogHash.Compute(record);
        }

        Console.WriteLine($"row hash only: {records.Count / hashing.Elapsed.TotalSeconds:N0} rows/s wall");
        records.Clear();
        foreach (var provider in Providers())
        {
            await using var database = await BenchDatabase.CreateAsync(provider);
            await using var db = database.CreateContext();
            process.Refresh();
            cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var result = await new TrafficLogImporter(db).ImportAsync(new MemoryStream(file), new TrafficImportOptions { FileName = "bench.json" });
            clock.Stop();
            process.Refresh();
            var used = process.TotalProcessorTime - cpu;
            var rollups = await db.TrafficRollups.CountAsync();
            Console.WriteLine($"{provider}: imported {result.Imported:N0} in {clock.Elapsed.TotalSeconds:0.00} s = {result.Imported / clock.Elapsed.TotalSeconds:N0} rows/s wall, " +
                $"{result.Imported / used.TotalSeconds:N0} rows per CPU-second of this process ({rollups} rollup rows)");
        }

        return 0;
    }
}

/// <summary>A throw-away database for one benchmark iteration: a SQLite file in the temp folder, or a database on the
/// server of <c>NSPPORTAL_BENCH_POSTGRES</c>; migrated, with the demo configuration and no traffic.</summary>
internal sealed class BenchDatabase(DatabaseSettings settings) : IAsyncDisposable
{
    public DatabaseSettings Settings { get; } = settings;

    public static async Task<BenchDatabase> CreateAsync(DatabaseProvider provider)
    {
        DatabaseSettings settings;
        if (provider == DatabaseProvider.Postgres)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("NSPPORTAL_BENCH_POSTGRES")) { Database = $"nsp_bench_{Guid.NewGuid():N}" };
            settings = new DatabaseSettings(DatabaseProvider.Postgres, builder.ConnectionString, null);
        }
        else
        {
            settings = DatabaseSettings.ForSqliteFile(Path.Combine(Path.GetTempPath(), $"nsp-bench-{Guid.NewGuid():N}.db"));
        }

        var database = new BenchDatabase(settings);
        await using var db = database.CreateContext();
        await NspDatabase.MigrateAsync(db, settings);
        await DemoTenant.SeedAsync(db, withTraffic: false);
        return database;
    }

    public NspDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<NspDbContext>();
        options.UseNspDatabase(Settings);
        return new NspDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (Settings.Provider == DatabaseProvider.Postgres)
        {
            var builder = new Npgsql.NpgsqlConnectionStringBuilder(Settings.ConnectionString);
            var name = builder.Database;
            builder.Database = "postgres";
            Npgsql.NpgsqlConnection.ClearAllPools();
            await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
        else if (Settings.SqliteFilePath is { } path)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
