using NspPortal.Data.Entities;

namespace NspPortal.Data.Services;

/// <summary>The logging configuration singleton <c>loggingConfigurations/instance</c> of a perimeter.</summary>
public sealed class LoggingConfigurationService(NspDbContext db)
{
    public async Task<Result<LoggingConfigurationEntity>> GetAsync(PerimeterPath perimeter, string name, CancellationToken cancellationToken = default)
    {
        var parent = await LoadAsync(perimeter, cancellationToken);
        return !parent.Succeeded ? parent.Cast<LoggingConfigurationEntity>() : Find(parent.Value!, name);
    }

    /// <summary>The perimeter's logging configurations: none or the one <c>instance</c>.</summary>
    public async Task<Result<IReadOnlyList<LoggingConfigurationEntity>>> ListAsync(PerimeterPath perimeter, CancellationToken cancellationToken = default)
    {
        var parent = await LoadAsync(perimeter, cancellationToken);
        return !parent.Succeeded
            ? parent.Cast<IReadOnlyList<LoggingConfigurationEntity>>()
            : Result<IReadOnlyList<LoggingConfigurationEntity>>.Ok(parent.Value!.LoggingConfiguration is { } c ? [c] : []);
    }

    public Task<Result<LoggingConfigurationEntity>> CreateOrUpdateAsync(PerimeterPath perimeter, LoggingConfigurationInput input, Caller caller,
        Precondition? precondition = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, ct);
            return parent.Succeeded
                ? new NspWriter(db, caller).PutLoggingConfiguration(parent.Value!, input, precondition ?? Precondition.None)
                : parent.Cast<LoggingConfigurationEntity>();
        }, cancellationToken);
    }

    public Task<Result<DeleteOutcome>> DeleteAsync(PerimeterPath perimeter, string name, Caller caller, Precondition? precondition = null,
        CancellationToken cancellationToken = default) =>
        Writes.SaveAsync(db, caller, async ct =>
        {
            var parent = await LoadAsync(perimeter, ct);
            if (!parent.Succeeded)
            {
                return Lookup.DeleteOfMissing(parent.Error!, precondition, "logging configuration");
            }

            var configuration = Find(parent.Value!, name);
            return !configuration.Succeeded
                ? Lookup.DeleteOfMissing(configuration.Error!, precondition, "logging configuration")
                : new NspWriter(db, caller).DeleteLoggingConfiguration(parent.Value!, configuration.Value!, precondition ?? Precondition.None);
        }, cancellationToken);

    private Task<Result<PerimeterEntity>> LoadAsync(PerimeterPath perimeter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(perimeter);
        return new Lookup(db).PerimeterAsync(perimeter.SubscriptionId, perimeter.ResourceGroup, perimeter.Name, cancellationToken, NspWriter.Everything);
    }

    private static Result<LoggingConfigurationEntity> Find(PerimeterEntity perimeter, string name) =>
        perimeter.LoggingConfiguration is { } configuration && configuration.NameKey == ArmEntity.NameKeyOf(name)
            ? Result<LoggingConfigurationEntity>.Ok(configuration)
            : Lookup.ChildNotFound(perimeter, "loggingConfigurations", name);
}
