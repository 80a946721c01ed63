using Microsoft.EntityFrameworkCore;
using NspPortal.Data;
using NspPortal.Data.Entities;
using NspPortal.Engine.Model;

namespace NspPortal.FaultHost;

/// <summary>The multi-row writes the fault tests interrupt. Each runs in one transaction, flushed in chunks so the
/// database really holds uncommitted rows when the process dies.</summary>
internal static class FaultScenarios
{
    public const string BulkRuleEdit = "bulk-rule-edit";

    /// <summary>A large traffic-log import (<see cref="Data.Traffic.Import.TrafficLogImporter"/>): one transaction for
    /// the whole file, reported after every batch stored in it.</summary>
    public const string LogImport = "log-import";

    private const int Chunk = 100;

    /// <summary>A bulk edit of the access rules of nsp-contoso-prod's defaultProfile: every existing rule gets new
    /// prefixes and a new ETag, <paramref name="rows"/> rules are added, and the profile's accessRulesVersion is bumped —
    /// all in one transaction, the way a bulk edit from the UI or an import must be applied.</summary>
    public static async Task<int> BulkRuleEditAsync(NspDbContext db, int rows)
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var profile = await db.Profiles.Include(p => p.AccessRules)
            .SingleAsync(p => p.NameKey == "DEFAULTPROFILE" && p.Perimeter!.NameKey == "NSP-CONTOSO-PROD");
        foreach (var rule in profile.AccessRules.Where(r => r.Direction == AccessRuleDirection.Inbound && r.AddressPrefixes.Count > 0))
        {
            rule.AddressPrefixes = ["198.18.0.0/15"];
            rule.ETag = ArmEntity.NewETag();
        }

        profile.AccessRulesVersion++;
        profile.ETag = ArmEntity.NewETag();
        await db.SaveChangesAsync();
        Report(0);

        for (var i = 0; i < rows; i++)
        {
            db.AccessRules.Add(new AccessRuleEntity
            {
                Name = $"bulk-{i:D5}",
                ProfileId = profile.Id,
                Direction = AccessRuleDirection.Inbound,
                AddressPrefixes = [$"10.{i / 256 % 256}.{i % 256}.0/24"],
            });
            if ((i + 1) % Chunk == 0 || i == rows - 1)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                Report(i + 1);
                await Task.Delay(20); // leave the test time to strike while the transaction is open
            }
        }

        await Task.Delay(500); // the last moment to strike before the commit: wide enough for a loaded CI machine
        await transaction.CommitAsync();
        Console.WriteLine("COMMITTED");
        return 0;
    }

    /// <summary>Imports <paramref name="rows"/> raw NSP resource-log records (generated on the fly, never on disk) in one
    /// transaction, printing <c>IN-TRANSACTION n</c> whenever more rows are stored in the open transaction, then
    /// <c>COMMITTED</c> after the commit.</summary>
    public static async Task<int> LogImportAsync(NspDbContext db, int rows)
    {
        long reported = 0;
        var result = await new Data.Traffic.Import.TrafficLogImporter(db).ImportAsync(new GeneratedLogStream(rows), new Data.Traffic.Import.TrafficImportOptions
        {
            FileName = "kill-nine.json",
            Progress = new Reporter(p =>
            {
                if (!p.Done && p.Imported > reported)
                {
                    reported = p.Imported;
                    Report((int)p.Imported);
                }
            }),
        });
        Console.WriteLine("COMMITTED");
        Console.Out.Flush();
        return result.Imported == rows ? 0 : 4;
    }

    private sealed class Reporter(Action<Data.Traffic.Import.TrafficImportProgress> report) : IProgress<Data.Traffic.Import.TrafficImportProgress>
    {
        public void Report(Data.Traffic.Import.TrafficImportProgress value) => report(value);
    }

    /// <summary>JSON lines of distinct raw records for nsp-contoso-prod's storage account, produced as they are read.</summary>
    private sealed class GeneratedLogStream(int rows) : Stream
    {
        private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        private byte[] _pending = [];
        private int _offset;
        private int _next;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset >= _pending.Length)
            {
                if (_next >= rows)
                {
                    return 0;
                }

                var text = new System.Text.StringBuilder();
                for (var i = 0; i < 500 && _next < rows; i++, _next++)
                {
                    text.Append("{\"time\":\"").Append(Start.AddMilliseconds(_next * 10L).ToString("O", System.Globalization.CultureInfo.InvariantCulture))
                        .Append("\",\"count\":").Append(_next % 7 + 1)
                        .Append(",\"resourceId\":\"/SUBSCRIPTIONS/8F2B1C4E-5D6A-4B7C-9E0F-1A2B3C4D5E6F/RESOURCEGROUPS/RG-PROD-NETWORK/PROVIDERS/MICROSOFT.NETWORK/NETWORKSECURITYPERIMETERS/NSP-CONTOSO-PROD\"")
                        .Append(",\"category\":\"NspPublicInboundResourceRulesAllowed\",\"properties\":{\"serviceResourceId\":\"/subscriptions/8f2b1c4e-5d6a-4b7c-9e0f-1a2b3c4d5e6f/resourceGroups/rg-prod-data/providers/Microsoft.Storage/storageAccounts/stcontosoorders\"")
                        .Append(",\"profile\":\"defaultProfile\",\"matchedRule\":{\"accessRule\":\"IP firewall\"},\"source\":{\"ipAddress\":\"198.51.100.").Append(_next % 250).Append("\"}}}\n");
                }

                _pending = System.Text.Encoding.UTF8.GetBytes(text.ToString());
                _offset = 0;
            }

            var n = Math.Min(count, _pending.Length - _offset);
            Buffer.BlockCopy(_pending, _offset, buffer, offset, n);
            _offset += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static void Report(int written)
    {
        Console.WriteLine($"IN-TRANSACTION {written}");
        Console.Out.Flush();
    }
}
