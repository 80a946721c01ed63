using NspPortal.Data.Entities;
using NspPortal.Engine.Validation;

namespace NspPortal.Data.Services;

internal sealed partial class NspWriter
{
    /// <summary>The column's length (PerimeterConfigurations).</summary>
    private const int MaxDestinationDescription = 1024;

    /// <summary>Creates or replaces the logging configuration singleton <c>instance</c> of a perimeter loaded with
    /// <see cref="Everything"/>; <c>version</c> starts at 0 and bumps on every change (reference/nsp.md §1.3).</summary>
    public Result<LoggingConfigurationEntity> PutLoggingConfiguration(PerimeterEntity perimeter, LoggingConfigurationInput input, Precondition precondition)
    {
        var existing = perimeter.LoggingConfiguration;
        if (precondition.Check(existing?.ETag, "logging configuration 'instance'") is { } failed)
        {
            return failed;
        }

        var errors = new List<ValidationError>();
        AddIfNotNull(errors, FieldValidator.Name(NspResourceKind.LoggingConfiguration, input.Name));
        var categories = input.EnabledLogCategories ?? [];
        errors.AddRange(LogCategoryValidator.Validate(categories).Errors);
        if (input.DestinationDescription is { Length: > MaxDestinationDescription })
        {
            errors.Add(new ValidationError("InvalidDestinationDescription", "destinationDescription",
                $"The destination description has at most {MaxDestinationDescription} characters."));
        }

        if (ServiceError.FromValidation(errors) is { } invalid)
        {
            return invalid;
        }

        var destination = input.DestinationDescription is null ? existing?.DestinationDescription
            : input.DestinationDescription.Trim() is { Length: > 0 } text ? text : null;

        // Stored with the canonical spelling of each category.
        var canonical = categories.Select(c => LogCategoryValidator.Categories.First(k => string.Equals(k, c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (existing is null)
        {
            var configuration = new LoggingConfigurationEntity
            {
                Perimeter = perimeter,
                PerimeterId = perimeter.Id,
                EnabledLogCategories = canonical,
                DestinationDescription = destination,
            };
            Writes.StampCreated(configuration, caller, now);
            perimeter.LoggingConfiguration = configuration;
            db.LoggingConfigurations.Add(configuration);
            return Result<LoggingConfigurationEntity>.Ok(configuration, created: true);
        }

        existing.EnabledLogCategories = canonical;
        existing.DestinationDescription = destination;
        existing.Version++;
        Writes.StampModified(existing, caller, now);
        return Result<LoggingConfigurationEntity>.Ok(existing);
    }

    public Result<DeleteOutcome> DeleteLoggingConfiguration(PerimeterEntity perimeter, LoggingConfigurationEntity configuration, Precondition precondition)
    {
        if (precondition.Check(configuration.ETag, "logging configuration 'instance'") is { } failed)
        {
            return failed;
        }

        db.LoggingConfigurations.Remove(configuration);
        perimeter.LoggingConfiguration = null;
        return Result<DeleteOutcome>.Ok(new DeleteOutcome(true));
    }
}
