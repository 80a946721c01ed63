using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Configuration;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<SubscriptionEntity>
{
    public void Configure(EntityTypeBuilder<SubscriptionEntity> e)
    {
        e.ToTable("Subscriptions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.DisplayName).HasMaxLength(128);
        e.Property(x => x.State).HasMaxLength(40);
    }
}

internal sealed class ResourceGroupConfiguration : IEntityTypeConfiguration<ResourceGroupEntity>
{
    public void Configure(EntityTypeBuilder<ResourceGroupEntity> e)
    {
        e.ToTable("ResourceGroups");
        e.MapArmColumns();
        e.Property(x => x.Location).HasMaxLength(64);
        e.HasIndex(x => new { x.SubscriptionId, x.NameKey }).IsUnique();
        e.HasOne(x => x.Subscription).WithMany(s => s.ResourceGroups)
            .HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PaasResourceConfiguration : IEntityTypeConfiguration<PaasResourceEntity>
{
    public void Configure(EntityTypeBuilder<PaasResourceEntity> e)
    {
        e.ToTable("PaasResources");
        e.MapArmColumns();
        e.Property(x => x.ResourceType).HasMaxLength(128);
        e.Property(x => x.ResourceIdKey).HasMaxLength(1024);
        e.Property(x => x.Kind).HasMaxLength(64);
        e.Property(x => x.Location).HasMaxLength(64);
        e.HasIndex(x => x.ResourceIdKey).IsUnique();
        e.HasIndex(x => new { x.ResourceType, x.NameKey });
        e.HasOne(x => x.ResourceGroup).WithMany(g => g.Resources)
            .HasForeignKey(x => x.ResourceGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}
