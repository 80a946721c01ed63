using System.Text.Json;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Json;
using NspPortal.Engine.Model;

namespace NspPortal.Engine.Tests.Evaluation;

/// <summary>Loads <c>Golden/snapshot.json</c> and the rows of <c>Golden/golden.jsonl</c>: one request (in the
/// <c>nsp evaluate</c> request shape) and the decision expected, optionally tagged with its §4.3 matrix cell.</summary>
internal static class GoldenTable
{
    private static readonly Lazy<(NspConfiguration Configuration, DecisionIndex Index)> Loaded = new(Load);
    private static readonly Lazy<IReadOnlyList<GoldenRow>> LoadedRows = new(LoadRows);

    public static NspConfiguration Configuration => Loaded.Value.Configuration;

    public static DecisionIndex Index => Loaded.Value.Index;

    public static IReadOnlyList<GoldenRow> Rows => LoadedRows.Value;

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Evaluation", "Golden");

    private static (NspConfiguration, DecisionIndex) Load()
    {
        var result = SnapshotReader.Read(File.ReadAllText(Path.Combine(Folder, "snapshot.json")));
        if (result.Configuration is null || result.Validation.Issues.Count > 0)
        {
            throw new InvalidOperationException("The golden snapshot is invalid:\n" + string.Join("\n", result.Validation.Issues));
        }

        return (result.Configuration, DecisionIndex.Build(result.Configuration));
    }

    private static List<GoldenRow> LoadRows() =>
        [.. File.ReadLines(Path.Combine(Folder, "golden.jsonl")).Where(l => l.Length > 0).Select(GoldenRow.Parse)];
}

internal sealed record GoldenRow(string Name, string? Matrix, EvaluationRequest Request, JsonElement Expect)
{
    public static GoldenRow Parse(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var requestText = root.GetProperty("request").GetRawText();
        if (!RequestJson.TryParse(requestText, out var request, out _, out var error))
        {
            throw new InvalidOperationException($"Golden row request is invalid: {error}\n{line}");
        }

        var matrix = root.TryGetProperty("matrix", out var m) ? m.GetString() : null;
        return new GoldenRow(root.GetProperty("name").GetString()!, matrix, request!, root.GetProperty("expect").Clone());
    }

    public string? Expected(string name) =>
        Expect.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    public bool Expects(string name) => Expect.TryGetProperty(name, out _);
}
