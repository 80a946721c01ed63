using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspPortal.Data.ActivityLog;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Configuration;

internal sealed class ActivityLogEntryConfiguration : IEntityTypeConfiguration<ActivityLogEntry>
{
    public void Configure(EntityTypeBuilder<ActivityLogEntry> e)
    {
        e.ToTable("ActivityLog");
        e.HasKey(x => x.Id);
        e.Property(x => x.ResourceGroupName).HasMaxLength(90);
        e.Property(x => x.ResourceId).HasMaxLength(1024).IsRequired();
        e.Property(x => x.ResourceIdKey).HasMaxLength(1024).IsRequired();
        e.Property(x => x.ResourceType).HasMaxLength(256);
        e.Property(x => x.OperationName).HasMaxLength(300);
        e.Property(x => x.Caller).HasMaxLength(256);
        e.Property(x => x.CallerType).HasMaxLength(40);
        e.Property(x => x.Status).HasMaxLength(40);
        // Per subscription and per resource, newest first: the two ways the log is read.
        e.HasIndex(x => new { x.SubscriptionId, x.EventTimestamp });
        e.HasIndex(x => new { x.ResourceIdKey, x.EventTimestamp });
    }
}

internal sealed class OperationStatusConfiguration : IEntityTypeConfiguration<OperationStatusEntity>
{
    public void Configure(EntityTypeBuilder<OperationStatusEntity> e)
    {
        e.ToTable("OperationStatuses");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.Location).HasMaxLength(64);
        e.Property(x => x.ResourceId).HasMaxLength(1024);
        e.Property(x => x.Status).HasMaxLength(40);
    }
}
