using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspPortal.Data.Entities;
using NspPortal.Data.Traffic;

namespace NspPortal.Data.Configuration;

/// <summary>The traffic-log store. Indexes (docs/performance.md, "Traffic logs"): the Logs blade reads one perimeter's
/// rows newest first, optionally of one category or one association, and pages by (TimeGenerated, Id); the transition
/// view reads one association's rows of some categories in a window; retention deletes by time. Charts read rollups.</summary>
internal sealed class TrafficLogEntryConfiguration : IEntityTypeConfiguration<TrafficLogEntry>
{
    public void Configure(EntityTypeBuilder<TrafficLogEntry> e)
    {
        e.ToTable("TrafficLogs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.RowHash).HasMaxLength(16).IsRequired();
        e.HasIndex(x => x.RowHash).IsUnique();
        e.HasIndex(x => new { x.PerimeterId, x.TimeGenerated, x.Id });
        e.HasIndex(x => new { x.PerimeterId, x.Category, x.TimeGenerated, x.Id });
        e.HasIndex(x => new { x.AssociationId, x.Category, x.TimeGenerated });
        e.HasIndex(x => x.TimeGenerated);
    }
}

internal sealed class TrafficRollupConfiguration : IEntityTypeConfiguration<TrafficRollup>
{
    public void Configure(EntityTypeBuilder<TrafficRollup> e)
    {
        e.ToTable("TrafficRollups");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        // The upsert key of imports; its prefix serves "one association, these categories" and retention.
        e.HasIndex(x => new { x.PerimeterId, x.AssociationId, x.Category, x.Granularity, x.BucketStart }).IsUnique();
        // Charts: one perimeter, one granularity, a time range.
        e.HasIndex(x => new { x.PerimeterId, x.Granularity, x.BucketStart });
    }
}

internal sealed class TrafficImportConfiguration : IEntityTypeConfiguration<TrafficImport>
{
    public void Configure(EntityTypeBuilder<TrafficImport> e)
    {
        e.ToTable("TrafficImports");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ContentHash).HasMaxLength(64).IsRequired();
        e.HasIndex(x => x.ContentHash).IsUnique();
        e.Property(x => x.FileName).HasMaxLength(260);
        e.Property(x => x.Format).HasMaxLength(40);
        e.Property(x => x.ImportedBy).HasMaxLength(256);
        e.HasIndex(x => x.ImportedAt);
    }
}

internal sealed class PerimeterConfigurationVersionConfiguration : IEntityTypeConfiguration<PerimeterConfigurationVersion>
{
    public void Configure(EntityTypeBuilder<PerimeterConfigurationVersion> e)
    {
        e.ToTable("PerimeterConfigurationVersions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedOnAdd();
        e.Property(x => x.PerimeterResourceId).HasMaxLength(1024);
        e.Property(x => x.RecordedBy).HasMaxLength(256);
        e.Property(x => x.Snapshot).IsRequired();
        // "The version in force at time t": the last ValidFrom <= t of the perimeter.
        e.HasIndex(x => new { x.PerimeterId, x.ValidFrom });
        e.HasIndex(x => new { x.PerimeterId, x.Version }).IsUnique();
        e.HasIndex(x => new { x.PerimeterGuid, x.ValidFrom });
    }
}

internal sealed class ProfileDraftConfiguration : IEntityTypeConfiguration<ProfileDraft>
{
    public void Configure(EntityTypeBuilder<ProfileDraft> e)
    {
        e.ToTable("ProfileDrafts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.ProfileName).HasMaxLength(80).IsRequired();
        e.Property(x => x.ProfileNameKey).HasMaxLength(80).IsRequired();
        e.Property(x => x.RulesJson).IsRequired();
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.ETag).HasMaxLength(64).IsConcurrencyToken();
        e.HasOne<PerimeterEntity>().WithMany().HasForeignKey(x => x.PerimeterId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.PerimeterId, x.ProfileNameKey });
    }
}

internal sealed class AccessModeChangeConfiguration : IEntityTypeConfiguration<AccessModeChange>
{
    public void Configure(EntityTypeBuilder<AccessModeChange> e)
    {
        e.ToTable("AccessModeChanges");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.AssociationResourceId).HasMaxLength(1024);
        e.Property(x => x.ChangedBy).HasMaxLength(256);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.HasIndex(x => new { x.AssociationId, x.ChangedAt });
        e.HasIndex(x => new { x.PerimeterId, x.ChangedAt });
    }
}
