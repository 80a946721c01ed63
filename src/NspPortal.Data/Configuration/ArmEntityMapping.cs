using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NspPortal.Data.Entities;

namespace NspPortal.Data.Configuration;

internal static class ArmEntityMapping
{
    /// <summary>Maps the columns shared by every ARM resource (<see cref="ArmEntity"/>).</summary>
    public static void MapArmColumns<T>(this EntityTypeBuilder<T> e) where T : ArmEntity
    {
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(260).IsRequired();
        e.Property(x => x.NameKey).HasMaxLength(260).IsRequired();
        e.Property(x => x.ETag).HasMaxLength(64).IsConcurrencyToken();
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.CreatedByType).HasMaxLength(40);
        e.Property(x => x.LastModifiedBy).HasMaxLength(256);
        e.Property(x => x.LastModifiedByType).HasMaxLength(40);
    }
}
