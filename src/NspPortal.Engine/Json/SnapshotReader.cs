using System.Text.Json;
using NspPortal.Engine.Model;
using NspPortal.Engine.Validation;

namespace NspPortal.Engine.Json;

/// <summary>The result of reading a snapshot: the configuration when it is valid, and every finding (parse errors
/// and <see cref="ConfigurationValidator"/> findings, with targets such as <c>resources[3].properties.addressPrefixes[2]</c>).</summary>
/// <param name="Configuration">The configuration; null when <see cref="Validation"/> has an error.</param>
/// <param name="Validation">Errors and warnings.</param>
public sealed record SnapshotReadResult(NspConfiguration? Configuration, ValidationResult Validation);

/// <summary>Reads the <c>nsp evaluate</c> snapshot format (docs/cli.md): <c>{"resources":[ARM resource objects as the ARM API
/// returns them (api-version 2025-05-01; location/tags on child resources tolerated)], "paasResources":[{id,
/// publicNetworkAccess, firewall:{ipRules, allowTrustedServices}}]}</c>. Types match case-insensitively.
/// No I/O: the caller supplies the text.</summary>
public static class SnapshotReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Reads a snapshot from JSON text.</summary>
    public static SnapshotReadResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Invalid(e);
        }
    }

    /// <summary>Reads a snapshot from UTF-8 JSON.</summary>
    public static SnapshotReadResult Read(ReadOnlyMemory<byte> utf8Json)
    {
        try
        {
            using var document = JsonDocument.Parse(utf8Json, DocumentOptions);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            return Invalid(e);
        }
    }

    /// <summary>Reads a snapshot from a parsed document.</summary>
    public static SnapshotReadResult Read(JsonElement root)
    {
        var issues = new List<ValidationError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            issues.Add(new ValidationError(ErrorCodes.InvalidJson, "$", "The snapshot must be a JSON object {\"resources\":[…], \"paasResources\":[…]}."));
            return new SnapshotReadResult(null, new ValidationResult(issues));
        }

        var parser = new SnapshotParser(issues);
        var (configuration, locations) = parser.Parse(root);
        var validation = ConfigurationValidator.Validate(configuration);
        foreach (var issue in validation.Issues)
        {
            issues.Add(issue.ResourceId is { } id && locations.TryGetValue(id, out var location)
                ? issue with { Target = $"{location}.{issue.Target}" }
                : issue);
        }

        var result = new ValidationResult(issues);
        return new SnapshotReadResult(result.IsValid ? configuration : null, result);
    }

    private static SnapshotReadResult Invalid(JsonException e) =>
        new(null, new ValidationResult([new ValidationError(ErrorCodes.InvalidJson, e.Path ?? "$",
            $"The snapshot is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}")]));
}
