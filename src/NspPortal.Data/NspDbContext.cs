using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NspPortal.Data.ActivityLog;
using NspPortal.Data.Configuration;
using NspPortal.Data.Entities;

namespace NspPortal.Data;

/// <summary>The portal's database: the resource inventory, every NSP resource, and the portal's own security data
/// (local accounts through ASP.NET Core Identity, role assignments, personal access tokens, data-protection keys).
/// Entity mappings live in <c>Configuration/</c>; they are written to behave the same on SQLite and PostgreSQL.
/// Derives from Identity's user context (the base of <c>IdentityDbContext</c>) without Identity's global role tables:
/// roles here are per scope (<see cref="RoleAssignments"/>), as in Azure RBAC.</summary>
public class NspDbContext(DbContextOptions<NspDbContext> options) : IdentityUserContext<NspUser>(options)
{
    public DbSet<SubscriptionEntity> Subscriptions => Set<SubscriptionEntity>();

    public DbSet<ResourceGroupEntity> ResourceGroups => Set<ResourceGroupEntity>();

    public DbSet<PaasResourceEntity> PaasResources => Set<PaasResourceEntity>();

    public DbSet<PerimeterEntity> Perimeters => Set<PerimeterEntity>();

    public DbSet<ProfileEntity> Profiles => Set<ProfileEntity>();

    public DbSet<AccessRuleEntity> AccessRules => Set<AccessRuleEntity>();

    public DbSet<ResourceAssociationEntity> ResourceAssociations => Set<ResourceAssociationEntity>();

    public DbSet<LinkEntity> Links => Set<LinkEntity>();

    public DbSet<LinkReferenceEntity> LinkReferences => Set<LinkReferenceEntity>();

    public DbSet<LoggingConfigurationEntity> LoggingConfigurations => Set<LoggingConfigurationEntity>();

    public DbSet<RoleAssignmentEntity> RoleAssignments => Set<RoleAssignmentEntity>();

    public DbSet<PersonalAccessTokenEntity> PersonalAccessTokens => Set<PersonalAccessTokenEntity>();

    public DbSet<DataProtectionKeyEntity> DataProtectionKeys => Set<DataProtectionKeyEntity>();

    /// <summary>Fixed, so the model (and the migrations) never depend on whether Identity's options are registered in the
    /// services the context was built with: Version 1 is users, claims, logins and tokens (no passkeys).</summary>
    protected override Version SchemaVersion => IdentitySchemaVersions.Version1;

    public DbSet<ActivityLogEntry> ActivityLog => Set<ActivityLogEntry>();

    public DbSet<OperationStatusEntity> OperationStatuses => Set<OperationStatusEntity>();

    public DbSet<Traffic.TrafficLogEntry> TrafficLogs => Set<Traffic.TrafficLogEntry>();

    public DbSet<Traffic.TrafficRollup> TrafficRollups => Set<Traffic.TrafficRollup>();

    public DbSet<Traffic.TrafficImport> TrafficImports => Set<Traffic.TrafficImport>();

    public DbSet<Traffic.PerimeterConfigurationVersion> PerimeterConfigurationVersions => Set<Traffic.PerimeterConfigurationVersion>();

    public DbSet<Traffic.ProfileDraft> ProfileDrafts => Set<Traffic.ProfileDraft>();

    public DbSet<Traffic.AccessModeChange> AccessModeChanges => Set<Traffic.AccessModeChange>();

    /// <summary>Who the changes being saved are made for; the activity log and nothing else reads it. The service
    /// layer sets it before every save; writes outside it (the demo seed) are recorded as <see cref="Caller.System"/>.</summary>
    public Caller Caller { get; set; } = Caller.System;

    /// <summary>The configuration versions the save in progress will record (<c>ConfigurationVersionInterceptor</c>).</summary>
    internal Traffic.Versions.PendingVersions? PendingVersions { get; set; }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder); // Identity's tables (AspNetUsers, AspNetUserClaims, …)
        builder.ApplyConfigurationsFromAssembly(typeof(NspDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // Enums are stored by name: readable in both databases and stable when values are added.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<Dictionary<string, string>>()
            .HaveConversion<TagsConverter, TagsComparer>();
    }
}
