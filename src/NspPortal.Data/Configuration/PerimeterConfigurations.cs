using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Configuration;

internal sealed class PerimeterConfiguration : IEntityTypeConfiguration<PerimeterEntity>
{
    public void Configure(EntityTypeBuilder<PerimeterEntity> e)
    {
        e.ToTable("Perimeters");
        e.MapArmColumns();
        e.Property(x => x.Location).HasMaxLength(64);
        e.HasIndex(x => new { x.ResourceGroupId, x.NameKey }).IsUnique();
        e.HasIndex(x => x.PerimeterGuid).IsUnique();
        e.HasOne(x => x.ResourceGroup).WithMany(g => g.Perimeters)
            .HasForeignKey(x => x.ResourceGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<ProfileEntity>
{
    public void Configure(EntityTypeBuilder<ProfileEntity> e)
    {
        e.ToTable("Profiles");
        e.MapArmColumns();
        e.HasIndex(x => new { x.PerimeterId, x.NameKey }).IsUnique();
        e.HasOne(x => x.Perimeter).WithMany(p => p.Profiles)
            .HasForeignKey(x => x.PerimeterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessRuleConfiguration : IEntityTypeConfiguration<AccessRuleEntity>
{
    public void Configure(EntityTypeBuilder<AccessRuleEntity> e)
    {
        e.ToTable("AccessRules");
        e.MapArmColumns();
        e.HasIndex(x => new { x.ProfileId, x.NameKey }).IsUnique();
        e.HasOne(x => x.Profile).WithMany(p => p.AccessRules)
            .HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(x => x.IsGeneratedByLink);
        e.Property(x => x.NetworkSecurityPerimeters)
            .HasConversion(new JsonListConverter<PerimeterRuleReference>(), new JsonListComparer<PerimeterRuleReference>());
        // Rules a link generated go with the link (or the link reference) that generated them (reference/nsp.md §4.5).
        e.HasOne(x => x.Link).WithMany().HasForeignKey(x => x.LinkId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.LinkReference).WithMany().HasForeignKey(x => x.LinkReferenceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceAssociationConfiguration : IEntityTypeConfiguration<ResourceAssociationEntity>
{
    public void Configure(EntityTypeBuilder<ResourceAssociationEntity> e)
    {
        e.ToTable("ResourceAssociations");
        e.MapArmColumns();
        e.HasIndex(x => new { x.PerimeterId, x.NameKey }).IsUnique();
        // One association per PaaS resource, enforced by the database too (reference/nsp.md §2).
        e.HasIndex(x => x.PaasResourceId).IsUnique();
        e.HasOne(x => x.Perimeter).WithMany(p => p.Associations)
            .HasForeignKey(x => x.PerimeterId).OnDelete(DeleteBehavior.Cascade);
        // A profile cannot be deleted while associations use it. NO ACTION rather than RESTRICT: both databases
        // check it at the end of the statement, so deleting the whole perimeter (which cascades) still works.
        e.HasOne(x => x.Profile).WithMany(p => p.Associations)
            .HasForeignKey(x => x.ProfileId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne(x => x.PaasResource).WithOne(r => r.Association)
            .HasForeignKey<ResourceAssociationEntity>(x => x.PaasResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LinkConfiguration : IEntityTypeConfiguration<LinkEntity>
{
    public void Configure(EntityTypeBuilder<LinkEntity> e)
    {
        e.ToTable("Links");
        e.MapArmColumns();
        e.Property(x => x.RemotePerimeterResourceId).HasMaxLength(1024);
        e.Property(x => x.RemotePerimeterLocation).HasMaxLength(64);
        e.Property(x => x.Description).HasMaxLength(140);
        e.HasIndex(x => new { x.PerimeterId, x.NameKey }).IsUnique();
        e.HasOne(x => x.Perimeter).WithMany(p => p.Links)
            .HasForeignKey(x => x.PerimeterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LinkReferenceConfiguration : IEntityTypeConfiguration<LinkReferenceEntity>
{
    public void Configure(EntityTypeBuilder<LinkReferenceEntity> e)
    {
        e.ToTable("LinkReferences");
        e.MapArmColumns();
        e.Property(x => x.RemotePerimeterResourceId).HasMaxLength(1024);
        e.Property(x => x.RemotePerimeterLocation).HasMaxLength(64);
        e.Property(x => x.Description).HasMaxLength(140);
        e.HasIndex(x => new { x.PerimeterId, x.NameKey }).IsUnique();
        e.HasOne(x => x.Perimeter).WithMany(p => p.LinkReferences)
            .HasForeignKey(x => x.PerimeterId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a link removes the reference it created on the remote side (reference/nsp.md §4.5).
        e.HasOne(x => x.Link).WithMany()
            .HasForeignKey(x => x.LinkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LoggingConfigurationConfiguration : IEntityTypeConfiguration<LoggingConfigurationEntity>
{
    public void Configure(EntityTypeBuilder<LoggingConfigurationEntity> e)
    {
        e.ToTable("LoggingConfigurations");
        e.MapArmColumns();
        e.Property(x => x.DestinationDescription).HasMaxLength(1024);
        e.HasIndex(x => x.PerimeterId).IsUnique();
        e.HasOne(x => x.Perimeter).WithOne(p => p.LoggingConfiguration)
            .HasForeignKey<LoggingConfigurationEntity>(x => x.PerimeterId).OnDelete(DeleteBehavior.Cascade);
    }
}
