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

    /// <summary>The hook for the traffic-log issue: a large log import (thousands of NSPAccessLogs rows in one
    /// transaction) plugs in here, and <c>KillNineTests</c> gains a case for it with no other change.</summary>
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

    public static Task<int> LogImportAsync(NspDbContext db, int rows)
    {
        _ = db;
        _ = rows;
        Console.Error.WriteLine("The traffic-log import is not built yet (traffic-log issue); plug it in at FaultScenarios.LogImportAsync.");
        return Task.FromResult(3);
    }

    private static void Report(int written)
    {
        Console.WriteLine($"IN-TRANSACTION {written}");
        Console.Out.Flush();
    }
}
