using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Configuration;

internal sealed class RoleAssignmentConfiguration : IEntityTypeConfiguration<RoleAssignmentEntity>
{
    public void Configure(EntityTypeBuilder<RoleAssignmentEntity> e)
    {
        e.ToTable("RoleAssignments");
        e.HasKey(x => x.Id);
        e.Property(x => x.Scope).HasMaxLength(64).IsRequired();
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Ignore(x => x.ParsedScope);
        e.HasIndex(x => new { x.UserId, x.Scope, x.Role }).IsUnique();
        e.HasIndex(x => x.Scope);
        e.HasOne(x => x.User).WithMany(u => u.RoleAssignments)
            .HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PersonalAccessTokenConfiguration : IEntityTypeConfiguration<PersonalAccessTokenEntity>
{
    public void Configure(EntityTypeBuilder<PersonalAccessTokenEntity> e)
    {
        e.ToTable("PersonalAccessTokens");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(100).IsRequired();
        e.Property(x => x.TokenHash).HasMaxLength(64).IsRequired();
        e.Property(x => x.Hint).HasMaxLength(24);
        e.HasIndex(x => x.TokenHash).IsUnique();
        e.HasIndex(x => x.UserId);
        e.HasOne(x => x.User).WithMany(u => u.PersonalAccessTokens)
            .HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyEntity>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyEntity> e)
    {
        e.ToTable("DataProtectionKeys");
        e.HasKey(x => x.Id);
        e.Property(x => x.FriendlyName).HasMaxLength(256);
        e.Property(x => x.Xml).IsRequired();
    }
}
